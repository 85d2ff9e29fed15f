// Styles of the live map and the wizard, injected once when either view opens (so they cost nothing
// before). Colours are custom properties with a light and a dark set; the dark set applies when the
// system is dark (as the site's theme does), or when <html data-theme="dark"> asks for it.
// Every state colour is paired with the state's name in text, so colour is never the only signal.

// Site theme variables (src/layouts/theme.css) first, so the views switch with the page; the literal
// is the fallback for a page without the site's theme.
const palette = {
  light: {
    '--viz-bg': 'var(--lab-bg, #ffffff)',
    '--viz-fg': 'var(--lab-text, #16191f)',
    '--viz-muted': 'var(--lab-muted, #545b64)',
    '--viz-border': 'var(--lab-border, #aab7b8)',
    '--viz-panel': 'var(--lab-surface, #f6f7f8)',
    '--viz-node': 'var(--lab-bg, #ffffff)',
    '--viz-edge': 'var(--lab-muted, #545b64)',
    '--viz-edge-created': '#7d3fb7',
    '--viz-focus': 'var(--lab-link, #0a5fcc)',
    '--viz-accent': 'var(--lab-link, #0a5fcc)',
    '--viz-accent-fg': 'var(--lab-bg, #ffffff)',
    '--viz-ok': 'var(--lab-success, #1d7a36)',
    '--viz-wait': 'var(--lab-warning, #8a5a00)',
    '--viz-stop': 'var(--lab-accent, #b34700)',
    '--viz-off': 'var(--lab-muted, #5f6b7a)',
    '--viz-bad': 'var(--lab-danger, #b3261e)',
    '--viz-error-bg': 'var(--lab-danger-bg, #fdecea)',
    '--viz-code-bg': 'var(--lab-code-bg, #eef1f4)',
  },
  dark: {
    '--viz-bg': 'var(--lab-bg, #0f1419)',
    '--viz-fg': 'var(--lab-text, #e9edf1)',
    '--viz-muted': 'var(--lab-muted, #aeb8c2)',
    '--viz-border': 'var(--lab-border, #4a5561)',
    '--viz-panel': 'var(--lab-surface, #171e26)',
    '--viz-node': 'var(--lab-surface-2, #1d252e)',
    '--viz-edge': 'var(--lab-muted, #aeb8c2)',
    '--viz-edge-created': '#c79cf2',
    '--viz-focus': 'var(--lab-link, #7cb7ff)',
    '--viz-accent': 'var(--lab-link, #7cb7ff)',
    '--viz-accent-fg': 'var(--lab-bg, #0f1419)',
    '--viz-ok': 'var(--lab-success, #5fd37f)',
    '--viz-wait': 'var(--lab-warning, #f2c14e)',
    '--viz-stop': 'var(--lab-accent, #ff9a57)',
    '--viz-off': 'var(--lab-muted, #a3afbd)',
    '--viz-bad': 'var(--lab-danger, #ff8a80)',
    '--viz-error-bg': 'var(--lab-danger-bg, #3a1d1b)',
    '--viz-code-bg': 'var(--lab-code-bg, #222b35)',
  },
};

function vars(set: Record<string, string>): string {
  return Object.entries(set).map(([k, v]) => `${k}:${v};`).join('');
}

const scope = '.viz-root';

const vizCss = `
${scope}{${vars(palette.light)}color:var(--viz-fg);background:var(--viz-bg);font:inherit;border:1px solid var(--viz-border);border-radius:8px;padding:12px;margin-block:12px;}
@media (prefers-color-scheme: dark){:root:not([data-theme="light"]) ${scope}{${vars(palette.dark)}}}
:root[data-theme="dark"] ${scope},.dark ${scope}{${vars(palette.dark)}}
${scope} [hidden]{display:none !important;}
${scope} .viz-table-wrap{overflow-x:auto;}
${scope} *:focus-visible{outline:3px solid var(--viz-focus);outline-offset:2px;}
${scope} button{font:inherit;color:var(--viz-fg);background:var(--viz-panel);border:1px solid var(--viz-border);border-radius:6px;padding:4px 10px;cursor:pointer;min-height:32px;}
${scope} button:disabled{opacity:.55;cursor:not-allowed;}
${scope} button.viz-primary{background:var(--viz-accent);color:var(--viz-accent-fg);border-color:var(--viz-accent);font-weight:600;}
${scope} input,${scope} select,${scope} textarea{font:inherit;color:var(--viz-fg);background:var(--viz-bg);border:1px solid var(--viz-border);border-radius:6px;padding:4px 6px;min-height:32px;}
${scope} textarea[data-wizard-user-data]{width:100%;box-sizing:border-box;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;}
${scope} h2,${scope} h3,${scope} h4{margin:.4em 0;}
${scope} code,${scope} pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;}
${scope} .viz-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}
${scope} .viz-muted{color:var(--viz-muted);}
${scope} .viz-toolbar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-block:8px;}
${scope} .viz-toolbar input[type=range]{flex:1 1 160px;min-width:120px;}
${scope} .viz-caption{min-height:1.4em;margin:4px 0;}
${scope} .viz-region{border:1px solid var(--viz-border);border-radius:6px;background:var(--viz-panel);margin-block:8px;padding:8px;position:relative;}
${scope} .viz-scroll{overflow:auto;max-height:520px;position:relative;}
${scope} svg.viz-graph{display:block;}
${scope} .viz-node rect.viz-box{fill:var(--viz-node);stroke:var(--viz-border);stroke-width:1.5;}
${scope} .viz-node:focus{outline:none;}
${scope} .viz-node[data-changed] rect.viz-box{stroke:var(--tone);stroke-width:3;}
${scope} .viz-node:focus rect.viz-box,${scope} .viz-node:hover rect.viz-box{stroke:var(--viz-focus);stroke-width:3;}
${scope} .viz-node text{fill:var(--viz-fg);font-size:12px;}
${scope} .viz-node text.viz-id{fill:var(--viz-muted);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;}
${scope} .viz-node text.viz-kind{font-size:10px;font-weight:700;letter-spacing:.04em;}
${scope} .viz-node text.viz-state{font-weight:600;}
${scope} .viz-node[data-kind=image] rect.viz-box{rx:14px;}
${scope} [data-tone=ok]{--tone:var(--viz-ok);}
${scope} [data-tone=wait]{--tone:var(--viz-wait);}
${scope} [data-tone=stop]{--tone:var(--viz-stop);}
${scope} [data-tone=off]{--tone:var(--viz-off);}
${scope} [data-tone=bad]{--tone:var(--viz-bad);}
${scope} .viz-node rect.viz-stripe{fill:var(--tone);}
${scope} .viz-node text.viz-state{fill:var(--tone);}
${scope} .viz-node[data-tone=off] rect.viz-box{stroke-dasharray:5 3;}
@media (prefers-reduced-motion: no-preference){${scope} .viz-node[data-changed]{animation:viz-appear .6s ease-out;}}
@keyframes viz-appear{from{opacity:.25;}to{opacity:1;}}
${scope} .viz-edge{fill:none;stroke:var(--viz-edge);stroke-width:1.6;}
${scope} .viz-edge[data-kind=created-from]{stroke:var(--viz-edge-created);stroke-dasharray:6 3;}
${scope} .viz-edge[data-kind=named-by]{stroke-dasharray:2 3;}
${scope} .viz-arrow{fill:var(--viz-edge);}
${scope} .viz-arrow-created{fill:var(--viz-edge-created);}
${scope} .viz-legend{display:flex;flex-wrap:wrap;gap:14px;font-size:.9em;color:var(--viz-muted);}
${scope} .viz-legend svg{vertical-align:middle;}
${scope} .viz-tip{position:absolute;z-index:5;max-width:320px;background:var(--viz-bg);color:var(--viz-fg);border:1px solid var(--viz-border);border-radius:6px;padding:8px 10px;box-shadow:0 4px 14px rgba(0,0,0,.25);font-size:.88em;pointer-events:none;}
${scope} .viz-tip dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0;}
${scope} .viz-tip dt{color:var(--viz-muted);}
${scope} .viz-tip dd{margin:0;overflow-wrap:anywhere;}
${scope} .viz-list ul{margin:.2em 0;padding-inline-start:1.4em;}
${scope} .viz-badge{display:inline-block;border:1px solid var(--tone,var(--viz-border));color:var(--tone,var(--viz-fg));border-radius:999px;padding:0 8px;font-size:.85em;font-weight:600;white-space:nowrap;}
${scope} .viz-error{background:var(--viz-error-bg);border-left:4px solid var(--viz-bad);padding:8px 10px;border-radius:4px;margin-block:8px;}
${scope} .viz-error code{font-weight:700;}
${scope} .viz-cli{display:flex;gap:8px;align-items:flex-start;background:var(--viz-code-bg);border-radius:6px;padding:6px 8px;margin-top:8px;}
${scope} .viz-cli pre{margin:0;flex:1;white-space:pre-wrap;overflow-wrap:anywhere;}
${scope} .viz-cli-label{font-size:.8em;color:var(--viz-muted);display:block;}
${scope} fieldset.viz-step{border:1px solid var(--viz-border);border-radius:6px;margin:0 0 12px;padding:8px 12px 12px;}
${scope} fieldset.viz-step legend{font-weight:700;padding:0 4px;}
${scope} .viz-field{display:flex;flex-direction:column;gap:2px;margin-block:6px;}
${scope} .viz-row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;}
${scope} [role=tablist]{display:flex;flex-wrap:wrap;gap:2px;border-bottom:1px solid var(--viz-border);margin-block:8px;}
${scope} [role=tab]{border-radius:6px 6px 0 0;border-bottom:none;background:transparent;}
${scope} [role=tab][aria-selected=true]{background:var(--viz-panel);border-color:var(--viz-accent);font-weight:700;box-shadow:inset 0 -3px 0 var(--viz-accent);}
${scope} .viz-images{list-style:none;margin:0;padding:0;max-height:320px;overflow:auto;border:1px solid var(--viz-border);border-radius:6px;}
${scope} .viz-images li{border-bottom:1px solid var(--viz-border);}
${scope} .viz-images label{display:flex;gap:8px;padding:6px 8px;cursor:pointer;}
${scope} .viz-images label:hover{background:var(--viz-panel);}
${scope} .viz-image-meta{font-size:.85em;color:var(--viz-muted);}
${scope} .viz-ami-id{font-family:ui-monospace,Menlo,Consolas,monospace;}
${scope} table.viz-table{border-collapse:collapse;width:100%;font-size:.92em;}
${scope} table.viz-table th,${scope} table.viz-table td{border-bottom:1px solid var(--viz-border);padding:4px 6px;text-align:start;vertical-align:top;}
${scope} table.viz-table code{white-space:nowrap;}
${scope} .viz-actions{display:flex;flex-wrap:wrap;gap:4px;}
`;

/** Adds the views' stylesheet to the document once. */
export function ensureStyles(doc: Document = document): void {
  if (doc.getElementById('ec2lab-viz-styles')) return;
  const style = doc.createElement('style');
  style.id = 'ec2lab-viz-styles';
  style.textContent = vizCss;
  doc.head.append(style);
}

export type Tone = 'ok' | 'wait' | 'stop' | 'off' | 'bad';

/** The colour family of a state; the state's name is always printed beside it. */
export function stateTone(state: string): Tone {
  switch (state) {
    case 'running':
    case 'available':
      return 'ok';
    case 'pending':
      return 'wait';
    case 'stopping':
    case 'shutting-down':
      return 'stop';
    case 'failed':
    case 'invalid':
    case 'error':
      return 'bad';
    default:
      return 'off'; // stopped, terminated, deregistered, missing
  }
}
