// Who wrote a message of a thread, in which role, and when in the zone shown: the same line
// over a dispute's comments and a slot's questions, each styled by its own classes.
import type { DisputeComment } from '#contract/disputes.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { ROLE_LABEL } from '#src/utils/dispute-labels.ts';

export function MessageByline({
  className,
  roleClassName,
  author,
  at,
  zone,
}: {
  className: string;
  roleClassName: string;
  author: DisputeComment['author'];
  at: string;
  zone: string;
}) {
  return (
    <p className={className}>
      <strong>{author.name}</strong> <span className={roleClassName}>{ROLE_LABEL[author.role]}</span>{' '}
      <time className="muted small" dateTime={at}>
        {formatInZone(at, zone, 'EEE d MMM, HH:mm')}
      </time>
    </p>
  );
}
