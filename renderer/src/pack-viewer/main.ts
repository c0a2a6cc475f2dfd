// The page inside a 机构数据包 (bundled into the HTML file by scripts/build-node.mjs; no network, no
// other script): asks for the password, derives the key (PBKDF2-SHA256) and opens the payload
// (AES-GCM, then gzip) with the browser's WebCrypto, and shows the screens with the watermark —
// hospital, 内部资料 注意保密 and the export id — over every one of them.

import type { PackPayload, SealedPack } from '../../../shared/pack/payload';
import { formatPeriodZh } from '../../../shared/period';
import { fill, h } from './dom';
import { changeView, commentView, drgView, evaluationView, flagView, noticeView, positionView, trendView } from './views';

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function open(sealed: SealedPack, password: string): Promise<PackPayload> {
  const subtle = crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(sealed.salt), iterations: sealed.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const zipped = await subtle.decrypt({ name: 'AES-GCM', iv: bytes(sealed.iv) }, key, bytes(sealed.data));
  const text = await new Response(new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as PackPayload;
}

/** The watermark tile as an SVG data URL, repeated over the whole page. */
function watermark(lines: string[]): HTMLElement {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="240"><g transform="rotate(-22 210 120)" fill="#1d2733" fill-opacity="0.07" font-size="16" font-family="Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif">` +
    lines.map((t, i) => `<text x="30" y="${100 + i * 24}">${esc(t)}</text>`).join('') +
    `</g></svg>`;
  const el = h('div', { class: 'watermark', 'aria-hidden': 'true' });
  el.style.backgroundImage = `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
  return el;
}

const TABS: [string, (p: PackPayload) => HTMLElement][] = [
  ['指标与同级', (p) => positionView(p)],
  ['趋势', trendView],
  ['同比环比', changeView],
  ['变化预警', flagView],
  ['病组', drgView],
  ['月告知', noticeView],
  ['意见建议', commentView],
  ['绩效评价', evaluationView],
];

function show(root: HTMLElement, p: PackPayload): void {
  const main = h('main');
  const nav = h('nav', { role: 'tablist' });
  const select = (k: number) => {
    nav.querySelectorAll('button').forEach((b, i) => b.setAttribute('aria-selected', String(i === k)));
    fill(main, TABS[k]![1](p));
  };
  TABS.forEach(([name], k) => {
    const b = h('button', { type: 'button', role: 'tab' }, name);
    b.addEventListener('click', () => select(k));
    nav.append(b);
  });
  fill(
    root,
    h(
      'header',
      {},
      h('h1', {}, `${p.hospital.name} 医保数据机构数据包`),
      h(
        'p',
        {},
        `${p.regionName} · ${p.hospital.level} · ${p.hospital.type} · ${formatPeriodZh(p.from)}—${formatPeriodZh(p.to)} · 导出编号 ${p.exportId} · 生成于 ${p.madeAt}（北京时间）`,
      ),
    ),
    nav,
    main,
    h('footer', {}, '内部资料 注意保密：本文件只供本院使用，不得转发。数据包只含本院数据及同级汇总数（中位数、四分位数、家数），不含其他机构的数据。'),
    watermark([`${p.hospital.name}（${p.hospital.code}）`, '内部资料 注意保密', `导出编号 ${p.exportId}`]),
  );
  select(0);
}

function start(): void {
  const root = document.getElementById('app')!;
  const sealed = JSON.parse(document.getElementById('sealed')!.textContent!) as SealedPack;
  const form = document.getElementById('lock') as HTMLFormElement;
  const input = document.getElementById('password') as HTMLInputElement;
  const message = document.getElementById('message')!;
  if (!globalThis.crypto?.subtle || typeof DecompressionStream === 'undefined') {
    message.textContent = '此浏览器版本过旧，无法打开数据包。请用近三年内的 Chrome、Edge、Firefox，或 360/QQ 浏览器的极速模式打开。';
    return;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const password = input.value.replace(/\s+/g, '').toUpperCase();
    if (!password) {
      message.textContent = '请输入密码。';
      return;
    }
    message.textContent = '正在解密……';
    open(sealed, password).then(
      (p) => show(root, p),
      () => {
        message.textContent = '密码不正确，无法打开数据包。请核对医保部门另行交付的密码单（含短横线，字母不区分大小写）后重试。';
        input.select();
      },
    );
  });
  input.focus();
}

start();
