// How to get the tracker: one npm command that installs it from this server, so the tracker
// always matches the server it uploads to.
import { installCommand, trackerPackageUrl } from '../utils/connect-command.ts';
import { CopyField } from '#src/components/ui/copy-field.tsx';

export function InstallTracker({ origin }: { origin: string }) {
  return (
    <section className="panel tracker-install" aria-labelledby="trackers-install">
      <h2 id="trackers-install" className="tracker-section__title">
        Install the tracker
      </h2>
      <p className="tracker-install__lead">
        On each computer you work on, with <a href="https://nodejs.org/">Node.js</a> 20.19 or later, run once:
      </p>
      <CopyField label="Install command" value={installCommand(origin)} />
      <p className="muted small tracker-install__notes">
        It needs a desktop session: on Linux an X11 one (install <code>xdotool</code> for window titles); on macOS, allow your terminal under
        Accessibility and Screen Recording. If npm answers EACCES, run <code>npm config set prefix ~/.local</code> first. Or{' '}
        <a href={trackerPackageUrl(origin)} download>
          download the package
        </a>
        .
      </p>
    </section>
  );
}
