// The disputes the viewer may see, filtered by status (chips), contract and week, all in the
// URL. Each role reads it its own way: the contractor's open disputes needing an answer come
// first; the admin works the queue of escalated disputes from its oldest.
import { useMemo } from 'react';
import type { DisputeSummary } from '#contract/disputes.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useDisputes } from '../api/get-disputes.ts';
import { useDisputesSearch } from '../hooks/use-disputes-search.ts';
import { useServerNow } from '../hooks/use-server-now.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import { useRevealCurrent } from '#src/utils/reveal-current.ts';
import { activeChip, chipParam, needsAnswer, sortDisputes, STATUS_CHIPS, statusQuery, type DisputesSearch, type Role } from '../utils/disputes-search.ts';
import { DisputeRow } from './dispute-row.tsx';
import './disputes.css';
import './disputes-view.css';

export interface ContractOption {
  id: string;
  title: string;
  /** Shown after the title when several contracts share one (the contractor's or company's name). */
  detail?: string;
}

const LEAD: Record<Role, string> = {
  client: 'Slots you flagged in the diary, and what became of them. Their money is held until each dispute settles.',
  contractor: 'Slots your clients flagged. Accept or contest each one within 3 days; what you leave unanswered goes to an admin.',
  admin: 'Disputes where the contractor contested a slot or let the 3-day answer window pass. Decide each remaining slot for the client or the contractor.',
};

export function DisputesView({ role, contracts }: { role: Role; contracts: ContractOption[] | undefined }) {
  const { search, update } = useDisputesSearch(role);
  const query = useDisputes({ status: statusQuery(search.statuses), contractId: search.contractId ?? undefined, week: search.week ?? undefined });
  const timeZone = useMemo(() => browserTimeZone(), []);
  const now = useServerNow();
  const chip = activeChip(search.statuses);
  const chips = useRevealCurrent<HTMLDivElement>(chip?.key);
  const list = useMemo(() => (query.data ? sortDisputes(query.data.disputes, role) : []), [query.data, role]);

  return (
    <div className="page__content disputes">
      <title>{role === 'admin' ? 'Escalated disputes · workdiary' : 'Disputes · workdiary'}</title>
      <div className="page-head">
        <h1 className="page-head__title">Disputes</h1>
        <p className="page-head__lead">
          {role === 'admin' && chip?.key !== 'escalated' ? 'Every dispute of every company. The escalated ones wait for your decision.' : LEAD[role]}
        </p>
      </div>

      <div className="dfilters">
        <div ref={chips} className="chips" role="group" aria-label="Status">
          {STATUS_CHIPS.map((c) => (
            <button
              key={c.key}
              type="button"
              className="chip"
              aria-pressed={chip?.key === c.key}
              onClick={() => update({ status: chipParam(c) })}
            >
              {c.label}
            </button>
          ))}
        </div>
        {contracts && contracts.length > 1 && (
          <label className="dfilters__contract">
            <span className="sr-only">Contract</span>
            <select
              className="input"
              value={search.contractId ?? ''}
              onChange={(e) => update({ contractId: e.target.value || null })}
              aria-label="Contract"
            >
              <option value="">All contracts</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.detail ? `${c.title} · ${c.detail}` : c.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {search.week && (
          <button type="button" className="chip chip--removable" onClick={() => update({ week: null })}>
            Week of {weekRangeLabel(search.week)}
            <span aria-hidden="true"> ×</span>
            <span className="sr-only">, remove this filter</span>
          </button>
        )}
      </div>

      {query.isPending ? (
        <ul className="dlist" aria-busy="true" aria-label="Loading disputes">
          {[0, 1, 2].map((i) => (
            <li key={i} className="drow drow--skeleton" aria-hidden="true">
              <div className="drow__main">
                <div className="skeleton skeleton--line" style={{ width: '45%' }} />
                <div className="skeleton skeleton--line" style={{ width: '65%' }} />
                <div className="skeleton skeleton--line" style={{ width: '35%' }} />
              </div>
            </li>
          ))}
        </ul>
      ) : query.isError ? (
        <QueryErrorState title="The disputes could not be loaded" query={query} />
      ) : list.length === 0 ? (
        <EmptyDisputes role={role} search={search} chipLabel={chip?.label ?? null} onShowAll={() => update({ status: 'all', contractId: null, week: null })} />
      ) : (
        <div className={query.isPlaceholderData ? 'dlist-wrap is-stale' : 'dlist-wrap'} aria-busy={query.isPlaceholderData}>
          <DisputeGroups list={list} role={role} timeZone={timeZone} now={now} />
          <p className="muted small dlist__zone">Times in {timeZone}.</p>
        </div>
      )}
    </div>
  );
}

function DisputeGroups({ list, role, timeZone, now }: { list: DisputeSummary[]; role: Role; timeZone: string; now: number | null }) {
  if (role === 'contractor') {
    const waiting = list.filter(needsAnswer);
    const rest = list.filter((d) => !needsAnswer(d));
    return (
      <>
        {waiting.length > 0 && (
          <section aria-labelledby="needs-answer">
            <h2 id="needs-answer" className="dlist__heading">
              Needs your answer <span className="pill">{waiting.length}</span>
            </h2>
            <ul className="dlist">
              {waiting.map((d) => (
                <DisputeRow key={d.id} dispute={d} role={role} timeZone={timeZone} now={now} />
              ))}
            </ul>
          </section>
        )}
        {rest.length > 0 && (
          <section aria-labelledby="other-disputes">
            {waiting.length > 0 && (
              <h2 id="other-disputes" className="dlist__heading">
                Other disputes
              </h2>
            )}
            <ul className="dlist" aria-label={waiting.length > 0 ? undefined : 'Disputes'}>
              {rest.map((d) => (
                <DisputeRow key={d.id} dispute={d} role={role} timeZone={timeZone} now={now} />
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }
  return (
    <>
      <p className="dlist__count muted">
        {list.length} {list.length === 1 ? 'dispute' : 'disputes'}
        {role === 'admin' ? ', oldest first' : ''}
      </p>
      <ul className="dlist" aria-label="Disputes">
        {list.map((d) => (
          <DisputeRow key={d.id} dispute={d} role={role} timeZone={timeZone} now={now} />
        ))}
      </ul>
    </>
  );
}

function EmptyDisputes({
  role,
  search,
  chipLabel,
  onShowAll,
}: {
  role: Role;
  search: DisputesSearch;
  chipLabel: string | null;
  onShowAll: () => void;
}) {
  const filtered = search.statuses.length > 0 || search.contractId !== null || search.week !== null;
  let title: string;
  let text: string;
  if (role === 'admin' && search.defaulted && !search.contractId && !search.week) {
    title = 'No escalated disputes';
    text = 'The queue is empty. A dispute comes here when the contractor contests a slot or lets the 3-day answer window pass.';
  } else if (!filtered) {
    title = 'No disputes';
    text =
      role === 'client'
        ? 'Slots you flag in the diary appear here, with the contractor’s answers.'
        : role === 'contractor'
          ? 'When a client flags slots of yours, they appear here for you to accept or contest.'
          : 'No client has disputed any slot yet.';
  } else {
    const what = chipLabel && chipLabel !== 'All' ? `${chipLabel.toLowerCase()} disputes` : 'disputes';
    title = `No ${what}`;
    text = `Nothing matches${search.contractId ? ' on this contract' : ''}${search.week ? ` in the week of ${weekRangeLabel(search.week)}` : ''}${search.statuses.length ? ` with this status` : ''}.`;
  }
  return (
    <div className="state-panel">
      <h2 className="state-panel__title">{title}</h2>
      <p className="state-panel__text">{text}</p>
      {filtered && (
        <div className="state-panel__actions">
          <button type="button" className="btn btn--secondary" onClick={onShowAll}>
            Show all disputes
          </button>
        </div>
      )}
    </div>
  );
}
