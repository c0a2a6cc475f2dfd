// The pack's HTML file: one self-contained page — style, script and sealed data inline, system
// fonts — under a Content-Security-Policy that lets it load nothing (default-src 'none'; only its
// own script and style, by hash; images from data: URLs for the watermark). What is readable
// without the password: the hospital's name, the months and the export id (also as a meta tag, so
// `trace` names the export without opening the file).

import { createHash } from 'node:crypto';
import { formatPeriodZh } from '../../../shared/period';
import type { SealedPack } from '../../../shared/pack/payload';
import type { ExportStamp } from '../reports/stamp';
import { viewerScript } from './viewer-script';

export const PACK_STYLE = `
:root{--blue:#1f5fbf;--blue-dark:#123a75;--blue-soft:#e8f0fc;--ink:#1d2733;--muted:#66768a;--line:#dde3ec;--bg:#f3f6fa;--red:#c8372d;--amber:#b7791f;--green:#1b8a4b}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif}
header{background:var(--blue-dark);color:#fff;padding:12px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;opacity:.85;font-size:13px}
nav{display:flex;flex-wrap:wrap;gap:4px;padding:8px 24px 0;background:#fff;border-bottom:1px solid var(--line)}
nav button{border:0;background:none;padding:8px 14px;font:inherit;color:var(--muted);cursor:pointer;border-bottom:3px solid transparent}
nav button[aria-selected=true]{color:var(--blue);border-bottom-color:var(--blue);font-weight:600}
main{padding:16px 24px;max-width:1320px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:17px;margin:0 0 8px;color:var(--blue-dark)}
h3{font-size:15px;margin:12px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:middle}
th{background:var(--blue-soft);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{display:flex;gap:16px;align-items:center;margin-bottom:8px}
select,input{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:4px}
.note,.muted{color:var(--muted);font-size:12px}
.alert{color:var(--red)}
.lv{display:inline-block;min-width:22px;text-align:center;border-radius:3px}
.lv.red{background:var(--red);color:#fff}.lv.yellow{background:#f6d46b}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}.facts dt{color:var(--muted)}.facts dd{margin:0}
.chart{max-width:900px}
.names{columns:3;font-size:13px}
footer{padding:8px 24px 24px;color:var(--muted);font-size:12px}
.watermark{position:fixed;top:0;right:0;bottom:0;left:0;pointer-events:none;background-repeat:repeat;z-index:10}
.lock{max-width:460px;margin:12vh auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:24px 28px}
.lock h1{font-size:19px;margin:0 0 4px;color:var(--blue-dark)}
.lock input{width:100%;margin:12px 0;font-size:18px;letter-spacing:1px}
.lock button{background:var(--blue);color:#fff;border:0;border-radius:4px;padding:8px 20px;font:inherit;cursor:pointer}
#message{color:var(--red);min-height:1.5em}
`;

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PageCover {
  hospitalName: string;
  hospitalCode: string;
  from: string;
  to: string;
}

export function packPage(sealed: SealedPack, cover: PageCover, stamp: ExportStamp): string {
  const script = viewerScript();
  // a script that contains "</script" would end the element early: the bundle never does, but say so
  if (/<\/script/i.test(script)) throw new Error('pack viewer script contains </script');
  const csp = `default-src 'none'; script-src ${hash(script)}; style-src ${hash(PACK_STYLE)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const range = `${formatPeriodZh(cover.from)}—${formatPeriodZh(cover.to)}`;
  // the sealed data is base64 and plain keys: nothing in it can close the element
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${esc(stamp.creator)}">
<meta name="keywords" content="${stamp.keyword}">
<title>${esc(cover.hospitalName)} 机构数据包（${range}）</title>
<style>${PACK_STYLE}</style>
</head>
<body>
<div id="app">
<form id="lock" class="lock" autocomplete="off">
<h1>${esc(cover.hospitalName)} 医保数据机构数据包</h1>
<p class="muted">${range} · 导出编号 ${stamp.id} · 内部资料 注意保密</p>
<label for="password">请输入医保部门另行交付的密码</label>
<input id="password" type="password" spellcheck="false" autocomplete="off">
<button type="submit">打开</button>
<p id="message" role="alert"></p>
<p class="muted">本文件离线打开，不联网、不上传任何数据。请使用近三年内的 Chrome、Edge、Firefox，或 360/QQ 浏览器的极速模式。</p>
</form>
</div>
<script type="application/json" id="sealed">${JSON.stringify(sealed)}</script>
<script>${script}</script>
</body>
</html>
`;
}
