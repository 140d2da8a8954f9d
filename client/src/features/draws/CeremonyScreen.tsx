/**
 * 大屏模式 for the witness room: the ceremony alone in large type on a dark screen — the published
 * commitment and pool hash, each entropy entry as it is entered, and after the draw the results
 * appearing one by one, with the revealed seeds. Follows the ceremony live; full screen on request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, ConfigProvider, Space, theme } from 'antd';
import { CompressOutlined, ExpandOutlined, RollbackOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { QueryState } from '../../components/QueryState';
import { POOL_EXCLUSION_RULES, type PoolExclusionRule } from '@spotcheck/shared';
import { entropyOf, failureOf, groupedHex, stepOf, summaryOf, verifyReveal } from './draw-data';
import { drawMessages, isConstraint } from './messages';
import type { CeremonyDraw, ResultRow } from './operations';
import { useAllResults } from './useAllResults';
import { useCeremony } from './useCeremony';
import './ceremony-screen.css';

/** The whole reveal takes about this long, whatever the number of results (within per-row bounds). */
const REVEAL_MS = 8_000;

export function CeremonyScreen({ taskId }: { taskId: string }) {
  const m = useMessages(drawMessages);
  const [watchedDraw, setWatchedDraw] = useState(false);
  const onDrawn = useCallback(() => setWatchedDraw(true), []);
  const { task, draw, error } = useCeremony(taskId, onDrawn);
  const drawn = draw?.status === 'DRAWN' && !failureOf(draw);
  const results = useAllResults(draw?.id ?? null, drawn);
  const shown = useReveal(results.rows.length, results.total, watchedDraw);
  const [fullScreen, setFullScreen] = useState(!!document.fullscreenElement);

  useEffect(() => {
    const sync = () => setFullScreen(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: 18 } }}>
      <main className="ceremony-screen" data-testid="ceremony-screen" data-status={draw?.status ?? 'NONE'} aria-live="polite">
        <div className="ceremony-screen__tools">
          <Space>
            <Button
              icon={fullScreen ? <CompressOutlined aria-hidden /> : <ExpandOutlined aria-hidden />}
              onClick={toggleFullScreen}
              data-testid="screen-fullscreen"
            >
              {m('fullScreen')}
            </Button>
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => navigate(LINKS.ceremony(taskId))} data-testid="screen-exit">
              {m('exitBigScreen')}
            </Button>
          </Space>
        </div>
        {!task ? (
          <QueryState error={error} />
        ) : (
          <>
            <header className="ceremony-screen__header">
              <div className="ceremony-screen__kicker">{m('title')}</div>
              <h1 data-testid="screen-title">{task.title}</h1>
              <Stages step={stepOf(draw)} />
            </header>
            {!draw ? (
              <p className="ceremony-screen__waiting">{m('waiting')}</p>
            ) : (
              <DrawBoard draw={draw} rows={results.rows.slice(0, shown)} total={results.total} follow={watchedDraw} />
            )}
          </>
        )}
      </main>
    </ConfigProvider>
  );
}

/**
 * How many results to show: all at once for a draw that was already done; for one drawn while watched,
 * one by one (a few hundred milliseconds each) or, for a long list, in small batches — about
 * REVEAL_MS in all either way.
 */
function useReveal(loaded: number, total: number | null, animate: boolean): number {
  const [shown, setShown] = useState(0);
  const tickMs = total ? Math.min(600, Math.max(100, Math.floor(REVEAL_MS / total))) : 200;
  const perTick = total ? Math.max(1, Math.ceil(total / (REVEAL_MS / tickMs))) : 1;
  const target = useRef(loaded);
  target.current = loaded;
  useEffect(() => {
    if (!animate) {
      setShown(loaded);
      return;
    }
    const timer = setInterval(() => setShown((n) => Math.min(target.current, n + perTick)), tickMs);
    return () => clearInterval(timer);
  }, [animate, loaded, tickMs, perTick]);
  return shown;
}

function Stages({ step }: { step: number }) {
  const m = useMessages(drawMessages);
  const names = [m('stepFreeze'), m('stepEntropy'), m('stepDraw'), m('stepResults')];
  return (
    <ol className="ceremony-screen__stages" data-testid="screen-stage" data-step={step}>
      {names.map((name, i) => (
        <li key={name} className={i < step ? 'done' : i === step ? 'current' : ''} aria-current={i === step ? 'step' : undefined}>
          {name}
        </li>
      ))}
    </ol>
  );
}

function DrawBoard({ draw, rows, total, follow }: { draw: CeremonyDraw; rows: ResultRow[]; total: number | null; follow: boolean }) {
  const m = useMessages(drawMessages);
  const { lang } = useI18n();
  const summary = summaryOf(draw);
  const entries = entropyOf(draw);
  const failure = failureOf(draw);
  const checks = verifyReveal(draw);
  const eligible = summary.strata.reduce((n, s) => n + s.eligible, 0);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
    if (follow) void end.current?.scrollIntoView?.({ block: 'end', behavior: 'smooth' });
  }, [rows.length, follow]);

  return (
    <div className="ceremony-screen__board">
      <section className="ceremony-screen__hashes">
        <div>
          <div className="label">{m('commitment')}</div>
          <div className="hash" data-testid="screen-commitment">
            {groupedHex(draw.commitment)}
          </div>
        </div>
        <div>
          <div className="label">{m('inputHash')}</div>
          <div className="hash small">{groupedHex(draw.inputHash)}</div>
        </div>
        <div className="ceremony-screen__numbers">
          <span>
            {m('eligible')} <b>{eligible}</b>
          </span>
          <span>
            {m('inspectors')} <b>{summary.inspectors}</b>
          </span>
          <span>
            {m('items')} <b>{summary.strata.length}</b>
          </span>
          {(Object.keys(POOL_EXCLUSION_RULES) as PoolExclusionRule[]).map((rule) => (
            <span key={rule} data-testid={`screen-excluded-${rule}`}>
              {POOL_EXCLUSION_RULES[rule]} <b>{summary.strata.reduce((n, s) => n + (s.excluded?.[rule] ?? 0), 0)}</b>
            </span>
          ))}
        </div>
      </section>

      <section>
        <div className="label">{m('entropy')}</div>
        {entries.length ? (
          <ul className="ceremony-screen__entropy" data-testid="screen-entropy">
            {entries.map((e) => (
              <li key={`${e.kind}-${e.at}`} data-kind={e.kind}>
                <span className="kind">{m(e.kind)}</span>
                <span className="value">{e.value}</span>
                <span className="by">{e.byName ?? e.by}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ceremony-screen__waiting">{m('waitingEntropy')}</p>
        )}
        {draw.status === 'COMMITTED' && entries.length > 0 && <p className="ceremony-screen__waiting">{m('waitingDraw')}</p>}
      </section>

      {failure && (
        <section className="ceremony-screen__failure" role="alert" data-testid="screen-failure">
          <h2>{m('failedTitle')}</h2>
          <p>{m('failedRule', { constraint: isConstraint(failure.constraint) ? m(failure.constraint) : failure.constraint })}</p>
        </section>
      )}

      {draw.status === 'DRAWN' && !failure && (
        <section>
          <div className="label" data-testid="screen-revealed" data-shown={rows.length} data-total={total ?? ''}>
            {m('revealed', { shown: rows.length, total: total ?? '…' })}
          </div>
          <ol className="ceremony-screen__results" data-testid="screen-results">
            {rows.map((r) => (
              <li key={r.seq} data-testid="screen-result">
                <span className="seq">{r.seq + 1}</span>
                <span className="entity">{r.entity?.name ?? '—'}</span>
                <span className="items">{r.items.map((i) => i.name).join('、')}</span>
                <span className="team">{r.team.map((i) => i.name).join(lang === 'zh' ? '、' : ', ')}</span>
              </li>
            ))}
          </ol>
          <div ref={end} />
        </section>
      )}

      {draw.status === 'DRAWN' && draw.serverSeed && (
        <section className="ceremony-screen__seeds">
          <div>
            <div className="label">
              {m('serverSeed')} {checks?.commitment ? '✓' : '✗'}
            </div>
            <div className="hash small" data-testid="screen-server-seed">
              {groupedHex(draw.serverSeed)}
            </div>
          </div>
          <div>
            <div className="label">
              {m('seed')} {checks?.seed ? '✓' : '✗'}
            </div>
            <div className="hash small">{groupedHex(draw.seed ?? '')}</div>
          </div>
        </section>
      )}
    </div>
  );
}
