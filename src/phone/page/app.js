// wxdev phone: the chat page. Everything the bot sends is untrusted: it is put
// into the page only through textContent and attributes checked here, never
// as HTML.
"use strict";

const state = {
  account: "",
  user: "",
  users: [],
  rev: 0,
  items: new Map(),
  nodes: new Map(),
  media: false,
  menu: null,
  polling: false,
  inspected: null,
};

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// Only http(s) links are made clickable.
function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function link(url, text, className) {
  const href = safeUrl(url);
  if (!href) return el("span", className, text || url);
  const a = el("a", className, text || url);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

// Text with its links clickable and its newlines kept (white-space: pre-wrap).
function richText(text) {
  const out = el("div", "text");
  const pattern = /https?:\/\/[^\s<>"'，。）)]+/g;
  let last = 0;
  let match;
  const value = String(text || "");
  while ((match = pattern.exec(value)) !== null) {
    if (match.index > last) out.appendChild(document.createTextNode(value.slice(last, match.index)));
    out.appendChild(link(match[0], match[0]));
    last = match.index + match[0].length;
  }
  if (last < value.length) out.appendChild(document.createTextNode(value.slice(last)));
  return out;
}

async function api(path, body) {
  const init = body === undefined
    ? { cache: "no-store" }
    : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const answer = await response.json().catch(() => ({ ok: false, error: "HTTP " + response.status }));
  if (!response.ok) throw new Error(answer.error || "HTTP " + response.status);
  return answer;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
  if (message) setTimeout(() => { if (box.textContent === message) box.hidden = true; }, 5000);
}

const VIA = { custom: "客服消息", template: "模板消息", mass: "群发消息" };
const MODES = { plain: "明文模式", compat: "兼容模式", safe: "安全模式" };

function mediaImage(mediaId, label) {
  const box = el("div", "media");
  const placeholder = el("div", "placeholder", label + " · MediaId " + mediaId);
  if (state.media && mediaId) {
    const img = el("img", "picture");
    img.alt = label;
    img.src = "/api/media?id=" + encodeURIComponent(mediaId);
    img.addEventListener("error", () => img.replaceWith(placeholder));
    box.appendChild(img);
  } else {
    box.appendChild(placeholder);
  }
  return box;
}

function card(className, title, description, picture, url, linkText) {
  const box = el("div", "card " + className);
  box.appendChild(el("div", "card-title", title || "(无标题)"));
  const pic = safeUrl(picture);
  if (pic) {
    const img = el("img", "card-picture");
    img.alt = "";
    img.src = pic;
    img.addEventListener("error", () => img.classList.add("broken"));
    box.appendChild(img);
  }
  if (description) box.appendChild(el("div", "card-description", description));
  const href = safeUrl(url);
  if (href) box.appendChild(link(href, linkText || "阅读原文", "card-link"));
  return box;
}

// The bubble's content for one item.
function content(item) {
  const d = item.data || {};
  switch (item.type) {
    case "text":
      return richText(d.text);
    case "image":
      return mediaImage(d.media_id, "[图片]");
    case "voice":
      return el("div", "placeholder voice", "♪ [语音] MediaId " + (d.media_id || ""));
    case "video": {
      const box = el("div", "placeholder video", "▶ [视频] " + (d.title || "") + " MediaId " + (d.media_id || ""));
      if (d.description) box.appendChild(el("div", "card-description", d.description));
      return box;
    }
    case "music": {
      return card("music", "♪ " + (d.title || "音乐"), d.description, null, d.url, "播放");
    }
    case "news":
      return card("news", d.title, d.description, d.picurl, d.url);
    case "location": {
      const box = el("div", "card location");
      box.appendChild(el("div", "card-title", "◎ " + (d.label || "位置")));
      box.appendChild(el("div", "card-description", d.lat + ", " + d.lng));
      return box;
    }
    case "link":
      return card("link", d.title, d.description, null, d.url);
    case "template": {
      const box = el("div", "card template");
      box.appendChild(el("div", "card-title", "模板 " + (d.template_id || "")));
      for (const line of d.lines || []) {
        const row = el("div", "template-line");
        row.appendChild(el("span", "template-key", line[0] + "："));
        row.appendChild(el("span", "template-value", line[1]));
        box.appendChild(row);
      }
      if (safeUrl(d.url)) box.appendChild(link(d.url, "详情", "card-link"));
      return box;
    }
    case "notice":
      return el("div", "text", d.text);
    default:
      return el("div", "text", d.text || "[" + item.type + "]");
  }
}

function verdictMarker(id) {
  const marker = el("button", "marker", "!");
  marker.type = "button";
  marker.title = "微信为何拒绝：查看判定";
  marker.addEventListener("click", (event) => {
    event.stopPropagation();
    inspect(id);
  });
  return marker;
}

function render(item) {
  if (item.side === "system") {
    const row = el("div", "row system");
    row.dataset.id = item.id;
    const note = el("span", "note " + item.type, (item.data && item.data.text) || "");
    if (item.data && safeUrl(item.data.url)) {
      note.textContent = "";
      note.appendChild(document.createTextNode(item.data.text.replace(item.data.url, "")));
      note.appendChild(link(item.data.url, item.data.url));
    }
    row.appendChild(note);
    if (item.exchange) {
      note.classList.add("inspectable");
      note.addEventListener("click", () => inspect(item.id));
      if (!item.exchange.ok) row.appendChild(verdictMarker(item.id));
    } else if (item.type === "event") {
      row.appendChild(el("span", "pending", "…"));
    }
    return row;
  }
  const row = el("div", "row " + (item.side === "user" ? "self" : "bot"));
  row.dataset.id = item.id;
  const avatar = el("div", "avatar " + (item.side === "user" ? "avatar-user" : "avatar-bot"),
    item.side === "user" ? "我" : "公");
  const column = el("div", "column");
  if (item.via) column.appendChild(el("div", "via", VIA[item.via] || item.via));
  const bubble = el("div", "bubble type-" + item.type);
  bubble.appendChild(content(item));
  column.appendChild(bubble);
  row.appendChild(avatar);
  if (item.side === "user") {
    if (!item.exchange) {
      row.appendChild(el("span", "pending", "…"));
    } else if (!item.exchange.ok && item.exchange.shown !== "service_unavailable") {
      row.appendChild(verdictMarker(item.id));
    }
    bubble.classList.add("inspectable");
    bubble.title = "查看请求与回复";
    bubble.addEventListener("click", () => inspect(item.id));
  } else if (item.reply_to) {
    bubble.classList.add("inspectable");
    bubble.addEventListener("click", () => inspect(item.reply_to));
    if (item.type === "notice") row.appendChild(verdictMarker(item.reply_to));
  }
  row.appendChild(column);
  return row;
}

function upsert(item) {
  state.items.set(item.id, item);
  const node = render(item);
  const chat = $("chat");
  const old = state.nodes.get(item.id);
  if (old) {
    old.replaceWith(node);
  } else {
    let before = null;
    for (const [id, other] of state.nodes) {
      if (id > item.id && (!before || id < Number(before.dataset.id))) before = other;
    }
    chat.insertBefore(node, before);
  }
  state.nodes.set(item.id, node);
  if (state.inspected === item.id) inspect(item.id);
}

async function poll() {
  if (state.polling || !state.user) return;
  state.polling = true;
  const user = state.user;
  try {
    const answer = await api("/api/conversation?user=" + encodeURIComponent(user) + "&since=" + state.rev);
    if (user !== state.user) return;
    const chat = $("chat");
    const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
    for (const item of answer.items) upsert(item);
    state.rev = Math.max(state.rev, answer.rev);
    $("follow-state").textContent = answer.followed ? "已关注" : "未关注";
    if (answer.items.length && atBottom) chat.scrollTop = chat.scrollHeight;
  } catch (e) {
    showError("无法连接 wxdev phone：" + e.message);
  } finally {
    state.polling = false;
  }
}

async function send(body) {
  try {
    await api("/api/send", Object.assign({ user: state.user }, body));
    closeSheets();
    await poll();
    $("chat").scrollTop = $("chat").scrollHeight;
    // The reply usually comes within milliseconds: look again soon.
    setTimeout(poll, 150);
    setTimeout(poll, 500);
  } catch (e) {
    showError(e.message);
  }
}

// XML one element a line, indented; CDATA sections and text are kept whole.
function prettyXml(xml) {
  const tokens = String(xml).match(/<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g);
  if (!tokens || !tokens[0].startsWith("<")) return String(xml);
  const lines = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const pad = "  ".repeat(depth);
    if (token.startsWith("</")) {
      depth = Math.max(0, depth - 1);
      lines.push("  ".repeat(depth) + token);
    } else if (token.startsWith("<![CDATA[") || !token.startsWith("<")) {
      if (token.trim()) lines.push(pad + token.trim());
    } else if (token.startsWith("<?") || token.endsWith("/>")) {
      lines.push(pad + token);
    } else {
      // <Name>text</Name> on one line.
      const next = tokens[i + 1] || "";
      const close = tokens[i + 2] || "";
      if (!next.startsWith("<") || next.startsWith("<![CDATA[")) {
        if (close.startsWith("</")) {
          lines.push(pad + token + next + close);
          i += 2;
          continue;
        }
      } else if (next.startsWith("</")) {
        lines.push(pad + token + next);
        i += 1;
        continue;
      }
      lines.push(pad + token);
      depth++;
    }
  }
  return lines.join("\n");
}

function pre(title, text, raw) {
  const box = el("div", "section");
  box.appendChild(el("div", "section-title", title));
  box.appendChild(el("pre", "xml", raw ? text : prettyXml(text)));
  return box;
}

// The inspector: request and reply, status, time, attempts, verdict.
function inspect(id) {
  const item = state.items.get(id);
  const body = $("inspector-body");
  body.textContent = "";
  state.inspected = id;
  $("inspector").hidden = false;
  if (!item || !item.exchange) {
    body.appendChild(el("div", "small", "等待回复…"));
    return;
  }
  const x = item.exchange;
  const verdict = el("div", "verdict " + (x.ok ? "pass" : "fail"));
  verdict.id = "verdict";
  const headline = x.ok
    ? (x.shown === "nothing" ? "✓ 微信接受：用户看不到回复" : "✓ 微信接受此回复")
    : (x.outcome === "rejected" ? "✗ 微信拒绝此回复" : "✗ 微信没有得到有效回答");
  verdict.appendChild(el("div", "verdict-headline", headline));
  if (x.notice) verdict.appendChild(el("div", "small", "用户看到：" + x.notice));
  for (const problem of x.problems) verdict.appendChild(el("div", "problem", "• " + problem));
  for (const warning of x.warnings) verdict.appendChild(el("div", "warning", "! " + warning));
  body.appendChild(verdict);
  const facts = el("dl", "facts");
  const fact = (name, value) => {
    facts.appendChild(el("dt", null, name));
    facts.appendChild(el("dd", null, value));
  };
  fact("模式", MODES[x.mode] || x.mode);
  fact("HTTP 状态", x.http_status === null ? "无回答" : x.http_status);
  fact("用时", x.elapsed_ms + " ms");
  fact("尝试", x.attempts + " / 3");
  fact("请求", "POST " + x.request_target);
  body.appendChild(facts);
  body.appendChild(pre("请求 XML", x.request_xml));
  if (x.request_body !== x.request_xml) body.appendChild(pre("请求原文（加密）", x.request_body));
  if (x.reply_xml !== null && x.reply_xml !== undefined) {
    body.appendChild(pre(x.encrypted_reply ? "回复 XML（已解密）" : "回复 XML", x.reply_xml));
  }
  if (x.raw !== null && x.raw !== undefined && (x.encrypted_reply || x.reply_xml === null || x.reply_xml === undefined)) {
    body.appendChild(pre("回复原文（原样）", x.raw === "" ? "(空)" : x.raw, true));
  }
}

function closeSheets() {
  for (const id of ["plus-panel", "location-form", "link-form", "scan-form"]) $(id).hidden = true;
  closeSubmenus();
}

function openSheet(id) {
  closeSheets();
  $(id).hidden = false;
}

function closeSubmenus() {
  for (const pop of document.querySelectorAll(".submenu")) pop.hidden = true;
}

function renderMenu(menu) {
  const bar = $("menu-bar");
  bar.textContent = "";
  const buttons = (menu && menu.button) || [];
  bar.hidden = buttons.length === 0;
  for (const top of buttons) {
    const slot = el("div", "menu-slot");
    const button = el("button", "menu-button", top.name || "");
    button.type = "button";
    const subs = top.sub_button || [];
    if (subs.length) {
      button.textContent = "≡ " + (top.name || "");
      const pop = el("div", "submenu");
      pop.hidden = true;
      for (const sub of subs) {
        const item = el("button", "submenu-item", sub.name || "");
        item.type = "button";
        if (sub.type === "view" && safeUrl(sub.url)) item.title = sub.url;
        item.addEventListener("click", () => { closeSubmenus(); send({ kind: "menu", path: top.name + "/" + sub.name }); });
        pop.appendChild(item);
      }
      button.addEventListener("click", (event) => {
        event.stopPropagation();
        const wasHidden = pop.hidden;
        closeSubmenus();
        pop.hidden = !wasHidden;
      });
      slot.appendChild(pop);
    } else {
      if (top.type === "view" && safeUrl(top.url)) button.title = top.url;
      button.addEventListener("click", () => send({ kind: "menu", path: top.name }));
    }
    slot.appendChild(button);
    bar.appendChild(slot);
  }
}

function renderUsers() {
  const select = $("user");
  select.textContent = "";
  for (const user of state.users) {
    const option = el("option", null, user);
    option.value = user;
    select.appendChild(option);
  }
  select.value = state.user;
}

function switchUser(user) {
  state.user = user;
  state.rev = 0;
  state.items.clear();
  state.nodes.clear();
  state.inspected = null;
  $("chat").textContent = "";
  $("inspector").hidden = true;
  history.replaceState(null, "", "#user=" + encodeURIComponent(user));
  renderUsers();
  poll();
}

const PLACES = [
  ["广州 · 新港中路397号", "23.134521", "113.358803", "广东省广州市海珠区新港中路397号"],
  ["北京 · 天安门", "39.908722", "116.397499", "北京市东城区天安门广场"],
  ["上海 · 外滩", "31.240018", "121.490317", "上海市黄浦区中山东一路"],
  ["深圳 · 腾讯滨海大厦", "22.522808", "113.935340", "广东省深圳市南山区海天二路33号"],
];

function setPlace(index) {
  const place = PLACES[index];
  $("location-lat").value = place[1];
  $("location-lng").value = place[2];
  $("location-label").value = place[3];
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("无法读取文件"));
    reader.readAsDataURL(file);
  });
}

async function sendImage(file) {
  try {
    let mediaId = "";
    if (state.media) {
      const answer = await api("/api/upload", { name: file.name, data: await readFile(file) });
      mediaId = answer.media_id;
    }
    await send({ kind: "image", media_id: mediaId });
  } catch (e) {
    showError("图片上传失败：" + e.message);
  }
}

function wire() {
  const input = $("input");
  const sendText = () => {
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send({ kind: "text", content: text });
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      sendText();
    }
  });
  $("send").addEventListener("click", sendText);
  $("plus").addEventListener("click", () => {
    const wasHidden = $("plus-panel").hidden;
    closeSheets();
    $("plus-panel").hidden = !wasHidden;
  });
  $("pick-image").addEventListener("click", () => $("image-file").click());
  $("image-file").addEventListener("change", (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = "";
    if (file) sendImage(file);
  });
  $("open-location").addEventListener("click", () => openSheet("location-form"));
  $("open-link").addEventListener("click", () => openSheet("link-form"));
  $("open-scan").addEventListener("click", () => openSheet("scan-form"));
  $("follow").addEventListener("click", () => send({ kind: "subscribe" }));
  $("unfollow").addEventListener("click", () => send({ kind: "unsubscribe" }));
  for (const cancel of document.querySelectorAll(".cancel")) cancel.addEventListener("click", closeSheets);
  $("location-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ kind: "location", lat: $("location-lat").value, lng: $("location-lng").value, label: $("location-label").value });
  });
  $("link-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ kind: "link", title: $("link-title").value, description: $("link-description").value, url: $("link-url").value });
  });
  $("scan-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ kind: "scan", scene: $("scan-scene").value, ticket: $("scan-ticket").value, create_ticket: $("scan-create").checked });
    $("scan-scene").value = "";
    $("scan-ticket").value = "";
  });
  const preset = $("location-preset");
  PLACES.forEach((place, index) => {
    const option = el("option", null, place[0]);
    option.value = String(index);
    preset.appendChild(option);
  });
  preset.addEventListener("change", () => setPlace(Number(preset.value)));
  setPlace(0);
  $("user").addEventListener("change", (event) => switchUser(event.target.value));
  $("users-toggle").addEventListener("click", () => { $("users-panel").hidden = !$("users-panel").hidden; });
  $("new-user").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) $("add-user").click();
  });
  $("add-user").addEventListener("click", async () => {
    const user = $("new-user").value.trim();
    try {
      const answer = await api("/api/users", { user });
      state.users = answer.users;
      $("new-user").value = "";
      $("users-panel").hidden = true;
      switchUser(user);
    } catch (e) {
      showError(e.message);
    }
  });
  $("inspector-close").addEventListener("click", () => { $("inspector").hidden = true; state.inspected = null; });
  document.addEventListener("click", (event) => {
    if (!event.target.closest || !event.target.closest(".menu-slot")) closeSubmenus();
  });
}

async function start() {
  wire();
  const info = await api("/api/state");
  state.account = info.account;
  state.users = info.users;
  state.media = info.media;
  $("subtitle").textContent = info.account;
  $("title-block").title = "消息发往 " + info.endpoint;
  $("mode").textContent = MODES[info.mode] || info.mode;
  $("scan-create-row").hidden = !info.media;
  renderMenu(info.menu);
  const fromHash = decodeURIComponent((location.hash.match(/user=([^&]+)/) || [])[1] || "");
  let user = info.first_user;
  if (fromHash && /^[A-Za-z0-9_-]{1,64}$/.test(fromHash)) {
    if (!state.users.includes(fromHash)) state.users = (await api("/api/users", { user: fromHash })).users;
    user = fromHash;
  }
  switchUser(user);
  setInterval(poll, 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  start().catch((e) => showError("无法启动：" + e.message));
});
