/**
 * The head office dashboard: first-start password, login, stores and terminals (last sync, unsent
 * backlog, enrollment codes), the period's sales by store/terminal/method and product, the latest
 * payments — refreshed live when the head office ingests events (SSE).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, hasToken, setToken, streamUrl, type Overview, type Report } from './api';
import { en, ko, type Dict } from './i18n';

const seoulDay = (d = new Date()) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
const seoulTime = (iso: string) => new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', hour12: false });

export function App() {
  const [lang, setLang] = useState<'ko' | 'en'>('ko');
  const t = lang === 'ko' ? ko : en;
  const [phase, setPhase] = useState<'loading' | 'setup' | 'login' | 'in'>('loading');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang, t.title]);
  useEffect(() => {
    void api<{ needsSetup: boolean }>('/api/admin/status').then((s) => setPhase(s.needsSetup ? 'setup' : hasToken() ? 'in' : 'login'));
  }, []);
  const toggle = <button onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>{t.language}</button>;
  if (phase === 'loading') return null;
  if (phase !== 'in') return <Login t={t} setup={phase === 'setup'} onIn={() => setPhase('in')} toggle={toggle} />;
  return <Dashboard t={t} toggle={toggle} onOut={() => setPhase('login')} />;
}

function Login({ t, setup, onIn, toggle }: { t: Dict; setup: boolean; onIn: () => void; toggle: React.ReactNode }) {
  const [pw, setPw] = useState('');
  const [err, setErr] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (setup && pw.length < 8) return setErr(t.tooShort);
    try {
      const r = await api<{ token: string }>(setup ? '/api/admin/setup' : '/api/admin/login', { method: 'POST', body: { password: pw } });
      setToken(r.token);
      onIn();
    } catch (x) {
      setErr(x instanceof ApiError && x.code === 'WRONG_PASSWORD' ? t.wrongPassword : x instanceof ApiError && x.code === 'PASSWORD_TOO_SHORT' ? t.tooShort : String(x));
    }
  };
  return (
    <form className="login" onSubmit={(e) => void submit(e)}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>{setup ? t.setupTitle : t.title}</h2>
        <span className="muted">{toggle}</span>
      </div>
      {setup && <p className="muted">{t.setupHint}</p>}
      <div className="row">
        <input type="password" aria-label={t.password} placeholder={t.password} value={pw} onChange={(e) => setPw(e.target.value)} autoFocus />
        <button className="primary" type="submit">
          {setup ? t.setPassword : t.login}
        </button>
      </div>
      {err && <p className="error">{err}</p>}
    </form>
  );
}

function Dashboard({ t, toggle, onOut }: { t: Dict; toggle: React.ReactNode; onOut: () => void }) {
  const today = seoulDay();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [live, setLive] = useState(false);
  const [newStore, setNewStore] = useState('');
  const [code, setCode] = useState<{ store: string; code: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [o, r] = await Promise.all([api<Overview>('/api/admin/overview'), api<Report>(`/api/admin/report?from=${from}&to=${to}`)]);
      setOverview(o);
      setReport(r);
    } catch (x) {
      if (x instanceof ApiError && x.status === 401) {
        setToken(null);
        onOut();
      }
    }
  }, [from, to, onOut]);
  useEffect(() => {
    void Promise.resolve().then(load);
  }, [load]);
  useEffect(() => {
    const es = new EventSource(streamUrl());
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener('ingest', () => void load());
    return () => es.close();
  }, [load]);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of overview?.stores ?? []) {
      m.set(s.id, s.name);
      for (const x of s.terminals) m.set(x.id, x.name);
    }
    return m;
  }, [overview]);

  const addStore = async () => {
    if (!newStore.trim()) return;
    await api('/api/admin/stores', { method: 'POST', body: { name: newStore.trim() } });
    setNewStore('');
    void load();
  };
  const issueCode = async (id: string, name: string) => {
    const r = await api<{ code: string }>(`/api/admin/stores/${id}/codes`, { method: 'POST' });
    setCode({ store: name, code: r.code });
  };
  const firstOfMonth = `${today.slice(0, 8)}01`;

  return (
    <>
      <header>
        <h1>{t.title}</h1>
        <span className={live ? 'live' : 'live off'} data-testid="live">
          {live ? `● ${t.live}` : t.offline}
        </span>
        {toggle}
      </header>
      <main>
        <section className="wide">
          <div className="row">
            <strong>{t.period}</strong>
            <button className="small" onClick={() => (setFrom(today), setTo(today))}>
              {t.today}
            </button>
            <button className="small" onClick={() => (setFrom(firstOfMonth), setTo(today))}>
              {t.thisMonth}
            </button>
            <label>
              {t.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              {t.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          {report && (
            <div className="totals" data-testid="totals">
              <div>
                {t.sales}
                <strong data-testid="sales-amount">{t.won(report.total.salesAmount)}</strong>
              </div>
              <div>
                {t.count}
                <strong data-testid="sales-count">{t.cases(report.total.salesCount)}</strong>
              </div>
              <div>
                {t.refunds}
                <strong>{t.won(report.total.refundAmount)}</strong>
              </div>
              <div>
                {t.net}
                <strong>{t.won(report.total.net)}</strong>
              </div>
            </div>
          )}
          <table>
            <thead>
              <tr>
                <th>{t.store}</th>
                <th>{t.terminal}</th>
                <th>{t.method}</th>
                <th className="num">{t.count}</th>
                <th className="num">{t.sales}</th>
                <th className="num">{t.refunds}</th>
              </tr>
            </thead>
            <tbody>
              {report?.rows.map((r) => (
                <tr key={`${r.terminalId}-${r.method}`}>
                  <td>{names.get(r.storeId) ?? r.storeId}</td>
                  <td>{names.get(r.terminalId) ?? r.terminalId.slice(0, 8)}</td>
                  <td>{r.method}</td>
                  <td className="num">{t.cases(r.salesCount)}</td>
                  <td className="num">{t.won(r.salesAmount)}</td>
                  <td className="num">{t.won(r.refundAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t.stores}</h2>
          <div className="row">
            <input aria-label={t.newStore} placeholder={t.newStore} value={newStore} onChange={(e) => setNewStore(e.target.value)} />
            <button className="primary" onClick={() => void addStore()}>
              {t.addStore}
            </button>
          </div>
          {code && (
            <div>
              <div className="muted">{t.codeFor(code.store)}</div>
              <div className="code" data-testid="enroll-code">
                {code.code}
              </div>
            </div>
          )}
          {overview?.stores.map((s) => (
            <div key={s.id} style={{ marginBottom: 12 }}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <strong>{s.name}</strong>
                <button className="small" onClick={() => void issueCode(s.id, s.name)}>
                  {t.newCode}
                </button>
              </div>
              <table>
                <thead>
                  <tr>
                    <th>{t.terminal}</th>
                    <th>{t.lastSync}</th>
                    <th className="num">{t.backlog}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.terminals.length === 0 && (
                    <tr>
                      <td colSpan={3} className="muted">
                        {t.noTerminals}
                      </td>
                    </tr>
                  )}
                  {s.terminals.map((x) => (
                    <tr key={x.id}>
                      <td>{x.name}</td>
                      <td>{x.lastSeenAt ? seoulTime(x.lastSeenAt) : t.never}</td>
                      <td className={x.backlog > 0 ? 'num backlog' : 'num'}>{t.cases(x.backlog)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
        <section>
          <h2>{t.recent}</h2>
          <table data-testid="recent">
            <tbody>
              {report?.recent.map((r) => (
                <tr key={`${r.terminalId}-${r.localId}`}>
                  <td>{seoulTime(r.approvedAt)}</td>
                  <td>{names.get(r.terminalId) ?? ''}</td>
                  <td>{r.itemName}</td>
                  <td className="num">{t.won(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 style={{ marginTop: 16 }}>{t.products}</h2>
          <table>
            <tbody>
              {report?.products.map((p) => (
                <tr key={p.itemName}>
                  <td>{p.itemName}</td>
                  <td className="num">{t.cases(p.count)}</td>
                  <td className="num">{t.won(p.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
    </>
  );
}
