// The chat page without reloads: each turn is one JSON POST; the plain forms still work without it.
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  if (!chat || !window.fetch) { return; }
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("text");
  var seqField = document.getElementById("seq");
  var errorBox = document.getElementById("text-error");
  var quickBox = document.getElementById("quick-replies");
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var DRAFT = "ts-chat-draft:" + chat.dataset.turnUrl;
  var busy = false;
  // The page's words in the reader's language, keyed by the Chinese (templates/chat/chat.html).
  var wordsBox = document.getElementById("chat-words");
  var WORDS = wordsBox ? JSON.parse(wordsBox.textContent) : {};
  function t(chinese) { return WORDS[chinese] || chinese; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function rubyLine(pairs, text) {
    var line = el("p", "line");
    if (!pairs || !pairs.length) { line.textContent = text; return line; }
    pairs.forEach(function (pair) {
      if (!pair[1]) { line.appendChild(document.createTextNode(pair[0])); return; }
      var ruby = el("ruby", "", pair[0]);
      ruby.appendChild(el("rt", "", pair[1]));
      line.appendChild(ruby);
    });
    return line;
  }

  function link(href, cls, text) {
    var a = el("a", cls, text);
    a.href = href;
    return a;
  }

  function ticket(code) {
    var box = el("div", "ticket");
    box.appendChild(el("p", "ticket-label", t("你的查询码")));
    box.appendChild(el("p", "ticket-code code", code));
    var copy = el("button", "big copy", t("复制查询码"));
    copy.type = "button";
    copy.dataset.copy = code;
    box.appendChild(copy);
    var img = el("img", "ticket-qr");
    img.src = chat.dataset.qrUrl.replace("CODE", code);
    img.alt = t("查询码的二维码，用手机拍下来就能看进度");
    img.width = 180; img.height = 180;
    box.appendChild(img);
    box.appendChild(link(chat.dataset.trackUrl.replace("CODE", code), "big primary",
                         t("看看我的建议到哪了")));
    return box;
  }

  function render(m) {
    var bot = m.who === "bot";
    var item = el("li", "msg msg-" + m.who + " kind-" + m.kind);
    if (bot) {
      var avatar = el("span", "avatar", "🌱");
      avatar.setAttribute("aria-hidden", "true");
      item.appendChild(avatar);
    }
    var bubble = el("div", "bubble");
    var staff = m.who === "staff";
    bubble.appendChild(el("span", "sr-only", bot ? t("小助手说：") : (staff ? t("保护孩子的老师说：") : t("你说："))));
    if (staff) { bubble.appendChild(el("p", "small", "🛡️ " + t("保护孩子的老师"))); }
    bubble.appendChild(bot ? rubyLine(m.ruby, m.text) : el("p", "line", m.text));
    if (m.kind === "masked") { bubble.appendChild(el("p", "masked", m.masked)); }
    if (m.kind === "done") { bubble.appendChild(ticket(m.code)); }
    if (m.kind === "help") {
      var call = el("p", "call");
      call.appendChild(link("tel:110", "big primary", "📞 " + t("打 110")));
      call.appendChild(link("tel:12355", "big", "📞 " + t("打 12355")));
      bubble.appendChild(call);
    }
    if (m.kind === "case") {
      var box = el("div", "ticket case-ticket");
      box.appendChild(el("p", "ticket-label", t("你的个案码")));
      box.appendChild(el("p", "ticket-code code", m.case));
      box.appendChild(link(chat.dataset.returnUrl, "big", t("用个案码回来")));
      bubble.appendChild(box);
    }
    if (m.kind === "track") {
      bubble.appendChild(link(chat.dataset.trackUrl.replace("CODE", m.code), "track-link", t("看详细进度")));
    }
    if (bot) {
      var speak = el("button", "speak", "🔊");
      speak.type = "button";
      speak.dataset.say = m.text;
      speak.dataset.mark = m.mark || "";
      speak.setAttribute("aria-label", t("读给我听"));
      bubble.appendChild(speak);
    }
    item.appendChild(bubble);
    return item;
  }

  // A button shows its label (the reader's language) and sends the assistant's own words.
  function showQuick(replies, labels) {
    quickBox.textContent = "";
    (replies || []).forEach(function (reply, i) {
      var button = el("button", "quick-reply", (labels && labels[i]) || reply);
      button.type = "submit"; button.name = "text"; button.value = reply;
      quickBox.appendChild(button);
    });
  }

  // Read aloud with the browser's Chinese voice; without one the browser would read nothing
  // (or spell it in another language), so the server speaks the line when the page offers
  // it (data-speak-url, a packaged engine), else the button stays hidden.
  var speakUrl = chat.dataset.speakUrl || "";
  var playing = null;
  function chineseVoice() {
    if (!("speechSynthesis" in window)) { return null; }
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^(zh|cmn)([-_]|$)/i.test(voices[i].lang || "")) { return voices[i]; }
    }
    return null;
  }

  function enhance(root) {
    var canSpeak = chineseVoice() !== null;
    chat.dataset.voice = canSpeak ? "zh" : (speakUrl ? "server" : "none");
    root.querySelectorAll(".speak").forEach(function (b) {
      b.hidden = !(canSpeak || (speakUrl && b.dataset.mark));
    });
    root.querySelectorAll(".copy").forEach(function (b) { b.hidden = !navigator.clipboard; });
  }

  function fail(message) {
    errorBox.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  // A new chat is stored at its first message; from then on it has addresses of its own.
  function useUrls(urls) {
    chat.dataset.turnUrl = urls.turn;
    chat.dataset.newsUrl = urls.news || "";
    chat.dataset.qrUrl = urls.qr;
    form.action = urls.say;
    document.getElementById("quick-form").action = urls.say;
    var attach = document.getElementById("chat-attach");
    if (attach && urls.photo) {
      document.getElementById("photo-form").action = urls.photo;
      attach.hidden = false;
    }
  }

  // "在地图上选" is offered while the helper asks where; the map sends the place back here.
  function showPickPlace(step, urls) {
    var pick = document.getElementById("chat-pick-place");
    if (!pick) { return; }
    if (urls && urls.pick) { document.getElementById("chat-pick-link").href = urls.pick; }
    pick.hidden = step !== "where";
  }

  // What the child says waits in the device's outbox (localStorage) until the server has it:
  // with no network it is shown as waiting and sent by itself when the network is back, or
  // when this chat is opened again online after the tab was closed. Each message carries the
  // turn number it was first sent with; the server answers a retried turn with the replies
  // it gave the first time, and a turn it already has is dropped here when the page shows a
  // later turn, so a message is taken exactly once (two tabs sending it make one turn).
  // Each message names the chat it was said in (its turn address) and whose it is (the
  // signed-in child or this device, as in offline.js): on a shared tablet the next child's
  // chat never sends what the last one wrote.
  var OUTBOX = "ts-chat-outbox";
  var whoMeta = document.querySelector("meta[name='ts-who']");
  var WHO = whoMeta ? whoMeta.getAttribute("content") : "device";
  function everything() {
    var items;
    try { items = JSON.parse(localStorage.getItem(OUTBOX) || "[]"); } catch (e) { items = []; }
    return Array.isArray(items) ? items : [];
  }
  function ours(item) { return item.url === chat.dataset.turnUrl && item.who === WHO; }
  function outbox() { return everything().filter(ours); }
  function keepOutbox(items) {  // this chat's messages; other chats' stay as they are
    var all = everything().filter(function (item) { return !ours(item); }).concat(items);
    if (all.length) { localStorage.setItem(OUTBOX, JSON.stringify(all)); }
    else { localStorage.removeItem(OUTBOX); }
  }
  function without(key) {
    return outbox().filter(function (item) { return item.key !== key; });
  }
  function newKey() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  var offlineNote = document.getElementById("chat-offline");
  var stalled = false;  // the last try found no network: what waits is shown as waiting

  function showWaiting() {
    log.querySelectorAll(".msg.waiting").forEach(function (node) { node.remove(); });
    var items = stalled ? outbox() : [];
    items.forEach(function (item) {
      var node = render({who: "child", kind: "text", text: item.text});
      node.classList.add("waiting");
      node.querySelector(".bubble").appendChild(el("p", "small", "⏳ " + t("还没发出去，有网了会自动发")));
      log.appendChild(node);
    });
    offlineNote.hidden = items.length === 0;
    if (items.length) { log.lastChild.scrollIntoView({block: "end"}); }
  }

  function answered(data) {
    var last = null;
    data.messages.forEach(function (m) { last = render(m); log.appendChild(last); });
    enhance(log);
    var bots = data.messages.filter(function (m) { return m.who === "bot"; });
    showQuick(bots.length ? bots[bots.length - 1].quick : [],
              bots.length ? bots[bots.length - 1].labels : []);
    if (data.urls) {
      var waiting = outbox();
      keepOutbox([]);
      useUrls(data.urls);
      keepOutbox(waiting.map(function (item) {
        return {text: item.text, url: chat.dataset.turnUrl, who: WHO, key: item.key};
      }));
    }
    showPickPlace(data.step, data.urls);
    if (data.case) { listen(); }
    seqField.value = data.seq;
    document.querySelectorAll('input[name="seq"]').forEach(function (f) { f.value = data.seq; });
    if (last) { last.scrollIntoView({block: "end"}); }
  }

  function flush() {
    var items = outbox();
    if (busy || !items.length) { return; }
    var head = items[0];
    if (typeof head.seq === "number" && head.seq < Number(seqField.value)) {
      keepOutbox(without(head.key));  // the server took it before its answer was lost
      showWaiting();
      flush();
      return;
    }
    if (!navigator.onLine) { stalled = true; showWaiting(); return; }
    if (typeof head.seq !== "number") {
      head.seq = Number(seqField.value);
      keepOutbox(items.map(function (item) { return item.key === head.key ? head : item; }));
    }
    busy = true;
    fetch(chat.dataset.turnUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({text: head.text, seq: head.seq})
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    }).then(function (result) {
      busy = false;
      stalled = false;
      if (!result.ok && result.data.reload) { window.location.reload(); return; }
      keepOutbox(without(head.key));
      showWaiting();
      if (!result.ok) {
        if (!input.value) { input.value = head.text; }
        fail(result.data.error || t("出了点问题，再试一次吧。"));
        return;
      }
      answered(result.data);
      flush();
    }).catch(function () {
      busy = false;
      stalled = true;
      showWaiting();  // kept, with its turn number: sent again when the network is back
    });
  }

  function send(text) {
    if (!text.trim()) { fail(t("你还没有写字哦。")); return; }
    errorBox.textContent = "";
    input.removeAttribute("aria-invalid");
    keepOutbox(outbox().concat([{text: text, url: chat.dataset.turnUrl, who: WHO, key: newKey()}]));
    sessionStorage.removeItem(DRAFT);
    input.value = "";
    flush();
    input.focus();
  }
  window.addEventListener("online", flush);

  // A safeguarding case's chat: what the lead writes appears without the child typing again.
  var listening = null;
  function showNews(messages) {
    var last = null;
    messages.forEach(function (m) { last = render(m); log.appendChild(last); });
    if (last) { enhance(log); last.scrollIntoView({block: "end"}); }
  }
  function poll() {
    if (!chat.dataset.newsUrl || busy) { return; }
    fetch(chat.dataset.newsUrl, {credentials: "same-origin"}).then(function (response) {
      return response.ok ? response.json() : {messages: []};
    }).then(function (data) { showNews(data.messages || []); }).catch(function () {});
  }
  function listen() {
    if (listening) { return; }
    var seconds = Number(chat.dataset.pollSeconds) || 10;
    listening = window.setInterval(poll, seconds * 1000);
  }
  if (chat.dataset.case) { listen(); }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
  });
  document.getElementById("quick-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter;
    if (button && button.value) { send(button.value); }
  });
  function serverSays(button) {
    if (!speakUrl || !button.dataset.mark) { button.hidden = true; return; }
    if (playing) { playing.pause(); }
    fetch(speakUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({text: button.dataset.say, mark: button.dataset.mark})
    }).then(function (response) {
      if (!response.ok) { throw new Error("no sound"); }
      return response.blob();
    }).then(function (sound) {
      var address = URL.createObjectURL(sound);
      playing = new Audio(address);
      playing.addEventListener("ended", function () { URL.revokeObjectURL(address); });
      chat.dataset.spoken = String(Number(chat.dataset.spoken || 0) + 1);
      return playing.play();
    }).catch(function () { /* no sound this time: the words are on the screen */ });
  }

  log.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) { return; }
    if (target.classList.contains("speak")) {
      var voice = chineseVoice();
      if (!voice) { serverSays(target); return; }
      window.speechSynthesis.cancel();
      var words = new SpeechSynthesisUtterance(target.dataset.say);
      words.lang = voice.lang; words.rate = 0.9;
      try { words.voice = voice; } catch (e) { words.lang = voice.lang; }
      window.speechSynthesis.speak(words);
    } else if (target.classList.contains("copy")) {
      navigator.clipboard.writeText(target.dataset.copy).then(function () {
        target.textContent = t("已复制") + " ✓";
      });
    }
  });
  var toggle = document.getElementById("pinyin-toggle");
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    var on = chat.classList.toggle("show-pinyin");
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    localStorage.setItem("ts-pinyin", on ? "1" : "0");
  });
  if (localStorage.getItem("ts-pinyin") === "1") {
    chat.classList.add("show-pinyin");
    toggle.setAttribute("aria-pressed", "true");
  }
  var draft = sessionStorage.getItem(DRAFT);
  if (draft && !input.value) { input.value = draft; }
  input.addEventListener("input", function () {
    if (input.value) { sessionStorage.setItem(DRAFT, input.value); }
    else { sessionStorage.removeItem(DRAFT); }
  });
  enhance(document);
  stalled = !navigator.onLine;
  flush();
  if ("speechSynthesis" in window && window.speechSynthesis.addEventListener) {
    // Voices arrive late in most browsers: look again when the list is ready.
    window.speechSynthesis.addEventListener("voiceschanged", function () { enhance(document); });
  }
  var items = log.querySelectorAll(".msg");
  if (items.length) { items[items.length - 1].scrollIntoView({block: "end"}); }
})();
