// A new contract for a contractor who already has an account, with the command line's rules:
// the server checks every field and names the one that is wrong, and the form shows it there.
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { AdminCompany } from '#contract/admin.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { PER_WEEK_NOT_A_NUMBER, PRIVACY_DEFAULTS, PrivacyTermsFieldset, privacyTermsBody } from '#src/components/ui/privacy-terms-fieldset.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { parseMoney } from '#src/utils/money.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useAdminUsers, useCreateContract } from '../api/admin-api.ts';

type Field = 'companyId' | 'contractorEmail' | 'title' | 'hourlyRate' | 'currency' | 'weeklyLimitHours' | 'timeZone' | 'redactionsPerWeek';

function Labelled({ id, label, error, children }: { id: string; label: string; error: string | null; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function NewContractDialog({ companies, onClose }: { companies: AdminCompany[]; onClose: () => void }) {
  const id = useId();
  const create = useCreateContract();
  const contractors = useAdminUsers({ role: 'contractor' }).data?.users.filter((u) => !u.disabledAt) ?? [];
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const active = companies.filter((c) => !c.deactivatedAt);
  const [form, setForm] = useState({ companyId: active[0]?.id ?? '', contractorEmail: '', title: '', rate: '', currency: 'USD', cap: '40', capped: true, manual: false, timeZone: browserTimeZone() });
  const [privacy, setPrivacy] = useState(PRIVACY_DEFAULTS);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const server = create.error && isApiError(create.error) ? (create.error.problem?.errors ?? []) : [];
  const errorOf = (field: Field) => local[field] ?? server.find((e) => e.field === `body.${field}`)?.message ?? null;
  const named = server.some((e) => e.field.startsWith('body.'));
  const otherError = create.isError && !named ? create.error.message : null;
  const input = (field: Field) => ({ id: `${id}-${field}`, 'aria-invalid': errorOf(field) ? true : undefined, 'aria-describedby': errorOf(field) ? `${id}-${field}-error` : undefined });
  const say = (what: string, field: Field) => {
    const e = errorOf(field);
    return e ? `${what} ${e}.` : null;
  };

  const submit = () => {
    const hourlyRate = parseMoney(form.rate, form.currency);
    const capOk = !form.capped || /^\d{1,3}$/.test(form.cap.trim());
    const terms = privacyTermsBody(privacy);
    const found = {
      ...(hourlyRate === null ? { hourlyRate: 'must be an amount like 65.00' } : {}),
      ...(capOk ? {} : { weeklyLimitHours: 'must be a whole number of hours, 0–168' }),
      ...(terms ? {} : { redactionsPerWeek: PER_WEEK_NOT_A_NUMBER }),
    };
    setLocal(found);
    if (hourlyRate === null || !capOk || !terms) return;
    create.mutate(
      {
        companyId: form.companyId,
        contractorEmail: form.contractorEmail,
        title: form.title,
        hourlyRate,
        currency: form.currency.trim().toUpperCase(),
        weeklyLimitHours: form.capped ? Number(form.cap) : null,
        manualTimeAllowed: form.manual,
        timeZone: form.timeZone,
        ...terms,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog title="New contract" description="For a contractor who already has an account. It starts active: their tracker can upload to it at once." submitLabel="Create contract" pendingLabel="Creating…" pending={create.isPending} onClose={onClose} onSubmit={submit}>
      <Labelled id={`${id}-companyId`} label="Company" error={say('The company', 'companyId')}>
        <select className="input" {...input('companyId')} value={form.companyId} onChange={(e) => set({ companyId: e.target.value })}>
          {active.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Labelled>
      <Labelled id={`${id}-contractorEmail`} label="Contractor's email" error={say('The email', 'contractorEmail')}>
        <input className="input" type="email" list={`${id}-contractors`} {...input('contractorEmail')} value={form.contractorEmail} onChange={(e) => set({ contractorEmail: e.target.value })} autoFocus />
        <datalist id={`${id}-contractors`}>
          {contractors.map((u) => <option key={u.id} value={u.email}>{u.name}</option>)}
        </datalist>
      </Labelled>
      <Labelled id={`${id}-title`} label="Title" error={say('The title', 'title')}>
        <input className="input" {...input('title')} maxLength={200} value={form.title} onChange={(e) => set({ title: e.target.value })} />
      </Labelled>
      <div className="new-contract__pair">
        <Labelled id={`${id}-hourlyRate`} label="Hourly rate" error={say('The rate', 'hourlyRate')}>
          <input className="input" inputMode="decimal" placeholder="65.00" {...input('hourlyRate')} value={form.rate} onChange={(e) => set({ rate: e.target.value })} />
        </Labelled>
        <Labelled id={`${id}-currency`} label="Currency" error={say('The currency', 'currency')}>
          <input className="input" maxLength={3} {...input('currency')} value={form.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} />
        </Labelled>
      </div>
      <div className="new-contract__pair new-contract__pair--cap">
        <Labelled id={`${id}-weeklyLimitHours`} label="Weekly cap (hours)" error={say('The weekly cap', 'weeklyLimitHours')}>
          <input className="input" inputMode="numeric" {...input('weeklyLimitHours')} value={form.capped ? form.cap : ''} placeholder="none" disabled={!form.capped} onChange={(e) => set({ cap: e.target.value })} />
        </Labelled>
        <label className="new-contract__check new-contract__nocap">
          <input type="checkbox" checked={!form.capped} onChange={(e) => set({ capped: !e.target.checked })} /> No weekly cap
        </label>
      </div>
      <label className="new-contract__check">
        <input type="checkbox" checked={form.manual} onChange={(e) => set({ manual: e.target.checked })} /> The contractor may add manual time
      </label>
      <Labelled id={`${id}-timeZone`} label="Contractor's time zone" error={say('The time zone', 'timeZone')}>
        <input className="input" list={`${id}-zones`} {...input('timeZone')} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
        <datalist id={`${id}-zones`}>
          {zones.map((z) => <option key={z} value={z} />)}
        </datalist>
      </Labelled>
      <PrivacyTermsFieldset value={privacy} onChange={setPrivacy} error={errorOf('redactionsPerWeek')} />
      {otherError && (
        <p className="alert alert--error" role="alert">
          {otherError}
        </p>
      )}
    </FormDialog>
  );
}
