// ChatAgent chat widget. Embed with one tag:
//   <script src="https://agent.example/widget.js" data-endpoint="https://agent.example/agent/run"
//           data-title="Help" data-theme="light" defer></script>
// Works under a strict Content-Security-Policy: no inline script or style, no eval, no HTML parsing of model output.
(() => {
  'use strict';

  // The server substitutes widget.css here as a string literal, so the styles arrive with the script in one request.
  const CSS = '__WIDGET_CSS__';

  const script = document.currentScript;
  if (!script) {
    console.warn('ChatAgent widget: load widget.js with a classic <script src> tag (not a module), so it can read its data-* options.');
    return;
  }

  const THEMES = ['light', 'dark'];
  const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

  // Problem and stream-error codes of the agent (samples/ChatAgent/Errors/ErrorCodes.cs), in words for people.
  const MESSAGES = {
    'agent.model_failed': 'The assistant could not answer just now. Please try again.',
    'agent.turn_timeout': 'The assistant took too long to answer. Please try again.',
    'agent.message_too_long': 'That message is too long. Please shorten it and try again.',
    'agent.message_required': 'Please type a message first.',
    'agent.empty_body': 'Please type a message first.',
    'agent.invalid_conversation_id': 'This conversation could not be continued. Please send your message again to start a new one.',
    'agent.malformed_body': 'This chat window sent a request the assistant could not read. Please reload the page.',
    'agent.unsupported_media_type': 'This chat window sent a request the assistant could not read. Please reload the page.',
    'agent.not_found': 'The chat service is not available at this address. Please let the site owner know.',
    'agent.method_not_allowed': 'The chat service is not available at this address. Please let the site owner know.',
    'agent.internal_error': 'Something went wrong on our side. Please try again in a moment.',
  };
  const SERVER_FAILED = 'Something went wrong on our side. Please try again in a moment.';
  const REQUEST_REFUSED = 'The assistant could not take that message. Please try again.';
  const NETWORK_FAILED = 'Could not reach the assistant. Check your connection and try again.';
  const CUT_OFF = 'The answer was cut off. Please try again.';
  const UNREADABLE = 'The assistant sent a reply this window could not read. Please try again.';

  const config = readConfig(script);
  const state = { open: false, busy: false, conversationId: null, nextId: 1 };

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  }

  function readConfig(tag) {
    const data = tag.dataset;
    let theme = (data.theme || 'light').toLowerCase();
    if (!THEMES.includes(theme)) {
      console.warn(`ChatAgent widget: data-theme="${data.theme}" is not one of ${THEMES.join(', ')}; using light.`);
      theme = 'light';
    }

    return {
      // Relative endpoints resolve against the script's own address: the agent that served widget.js.
      endpoint: new URL(data.endpoint || '/agent/run', tag.src).href,
      styles: new URL('widget.css', tag.src).href,
      title: (data.title || 'Chat').trim() || 'Chat',
      theme,
    };
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children);
    return node;
  }

  function mount() {
    const host = el('chat-agent-widget', { 'data-theme': config.theme });
    const root = host.attachShadow({ mode: 'open' });
    applyStyles(root);

    const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel', 'aria-label': `Open chat: ${config.title}` }, config.title);
    const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×');
    const heading = el('h2', { id: 'title' }, config.title);
    const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' });
    const alert = el('div', { class: 'alert', role: 'alert' });
    const input = el('textarea', { id: 'input', rows: '1', enterkeyhint: 'send', autocomplete: 'off', placeholder: 'Ask a question…' });
    const send = el('button', { type: 'submit' }, 'Send');
    const form = el('form', { class: 'composer' }, el('label', { for: 'input', class: 'visually-hidden' }, 'Message'), input, send);
    const panel = el('section', { id: 'panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'title', hidden: true },
      el('header', {}, heading, close), log, alert, form);
    root.append(launcher, panel);
    document.body.append(host);

    const ui = { host, root, launcher, close, panel, log, alert, input, send };
    launcher.addEventListener('click', () => (state.open ? closePanel(ui) : openPanel(ui)));
    close.addEventListener('click', () => closePanel(ui));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closePanel(ui);
      }
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || state.busy) return;
      input.value = '';
      ask(ui, text);
    });
    trackVisualViewport(ui);
  }

  // A constructed stylesheet needs no style-src exception on the host page; the <link> fallback needs the agent's origin in style-src.
  function applyStyles(root) {
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch {
        // Fall through to the stylesheet link.
      }
    }
    root.append(el('link', { rel: 'stylesheet', href: config.styles }));
  }

  function openPanel(ui) {
    state.open = true;
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    ui.launcher.setAttribute('aria-label', `Close chat: ${config.title}`);
    fitToVisualViewport(ui);
    ui.input.focus();
  }

  function closePanel(ui) {
    state.open = false;
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.setAttribute('aria-label', `Open chat: ${config.title}`);
    ui.launcher.focus();
  }

  // On a phone the on-screen keyboard shrinks the visual viewport, not the layout viewport: size the full-screen
  // panel to what is visible so the input stays above the keyboard. Inline style properties set through the CSSOM
  // are allowed by style-src 'self'; style attributes in markup would not be.
  function trackVisualViewport(ui) {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const refit = () => fitToVisualViewport(ui);
    viewport.addEventListener('resize', refit);
    viewport.addEventListener('scroll', refit);
  }

  function fitToVisualViewport(ui) {
    const viewport = window.visualViewport;
    const phone = window.matchMedia('(max-width: 520px)').matches;
    if (!viewport || !phone || !state.open) {
      ui.panel.style.removeProperty('height');
      ui.panel.style.removeProperty('top');
      return;
    }
    ui.panel.style.height = `${Math.round(viewport.height)}px`;
    ui.panel.style.top = `${Math.round(viewport.offsetTop)}px`;
    scrollToEnd(ui);
  }

  function scrollToEnd(ui) {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function setBusy(ui, busy) {
    state.busy = busy;
    ui.send.disabled = busy;
  }

  function showError(ui, message) {
    // Replacing the text of a role=alert region is what makes screen readers announce it.
    ui.alert.textContent = message;
  }

  function userTimeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
    } catch {
      return undefined;
    }
  }

  async function ask(ui, text) {
    showError(ui, '');
    setBusy(ui, true);
    ui.log.append(el('div', { class: 'msg user' }, text));
    const bot = newBotMessage(ui);
    scrollToEnd(ui);
    try {
      const outcome = await run(ui, bot, text);
      if (outcome.error) {
        bot.fail(outcome.error);
        showError(ui, outcome.error);
      }
    } finally {
      setBusy(ui, false);
      scrollToEnd(ui);
    }
  }

  async function run(ui, bot, text) {
    let response;
    try {
      response = await fetch(config.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ message: text, conversationId: state.conversationId || undefined, timeZone: userTimeZone(), stream: true }),
        credentials: 'omit',
      });
    } catch {
      return { error: NETWORK_FAILED };
    }

    if (!response.ok) {
      return { error: await describeFailure(response) };
    }

    const type = (response.headers.get('Content-Type') || '').toLowerCase();
    if (type.startsWith('application/json')) {
      // A proxy or an older revision may answer in one piece; the answer object is the same.
      try {
        bot.finish(await response.json());
        return {};
      } catch {
        return { error: UNREADABLE };
      }
    }

    if (!type.startsWith('text/event-stream') || !response.body) {
      return { error: UNREADABLE };
    }

    try {
      for await (const event of serverSentEvents(response.body)) {
        const data = JSON.parse(event.data);
        switch (event.event) {
          case 'started':
            state.conversationId = data.conversationId || state.conversationId;
            break;
          case 'delta':
            bot.append(String(data.text ?? ''));
            scrollToEndIfNear(ui);
            break;
          case 'done':
            bot.finish(data);
            return {};
          case 'error':
            return { error: messageFor(data.code, 500) };
          default:
            break; // Unknown events are for newer widgets.
        }
      }
    } catch (error) {
      return { error: error instanceof SyntaxError ? UNREADABLE : CUT_OFF };
    }
    return { error: CUT_OFF };
  }

  function scrollToEndIfNear(ui) {
    const log = ui.log;
    if (log.scrollHeight - log.scrollTop - log.clientHeight < 80) scrollToEnd(ui);
  }

  async function describeFailure(response) {
    if (response.status === 429) {
      return `Too many messages, try again in ${waitInWords(retryAfterSeconds(response.headers.get('Retry-After')))}`;
    }
    let code = null;
    try {
      const type = (response.headers.get('Content-Type') || '').toLowerCase();
      if (type.includes('json')) code = (await response.json()).code;
    } catch {
      // Not the agent's problem body (an HTML error page from a proxy, say): the status decides.
    }
    if (code === 'agent.invalid_conversation_id') state.conversationId = null;
    return messageFor(code, response.status);
  }

  function messageFor(code, status) {
    if (typeof code === 'string' && Object.hasOwn(MESSAGES, code)) return MESSAGES[code];
    return status >= 500 ? SERVER_FAILED : REQUEST_REFUSED;
  }

  // Retry-After is delay-seconds or an HTTP date (RFC 9110); anything unreadable means "a little while".
  function retryAfterSeconds(value) {
    if (!value) return 30;
    if (/^\d+$/.test(value.trim())) return Math.max(1, parseInt(value, 10));
    const date = Date.parse(value);
    return Number.isNaN(date) ? 30 : Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }

  function waitInWords(seconds) {
    return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  }

  // text/event-stream framing: lines until a blank line; "field: value"; lines starting ":" are comments
  // (the agent's keep-alives); an event cut off by the end of the stream is dropped, as the spec says.
  async function* serverSentEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let event = { event: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      pending += value;
      // A chunk can end between the "\r" and "\n" of one line break: hold a trailing "\r" back for the next read.
      const cut = pending.endsWith('\r') ? pending.length - 1 : pending.length;
      const lines = pending.slice(0, cut).split(/\r\n|\r|\n/);
      pending = lines.pop() + pending.slice(cut);
      for (const line of lines) {
        if (line === '') {
          if (event.data.length > 0) yield { event: event.event, data: event.data.join('\n') };
          event = { event: 'message', data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'event') event.event = fieldValue;
        else if (field === 'data') event.data.push(fieldValue);
      }
    }
  }

  function newBotMessage(ui) {
    const id = state.nextId++;
    const body = el('div', { class: 'body' });
    const message = el('div', { class: 'msg bot', 'aria-busy': 'true' }, body);
    ui.log.append(message);
    let text = '';
    return {
      append(delta) {
        text += delta;
        renderMarkdown(text, body, id);
      },
      finish(answer) {
        const final = typeof answer.answer === 'string' ? answer.answer : text;
        renderMarkdown(final, body, id);
        const citations = Array.isArray(answer.citations) ? answer.citations : [];
        if (citations.length > 0) message.append(renderCitations(citations, id));
        const time = renderTimestamp(answer.timestamp);
        if (time) message.append(time);
        if (answer.conversationId) state.conversationId = answer.conversationId;
        message.setAttribute('aria-busy', 'false');
        message.dataset.state = 'done';
      },
      fail(error) {
        if (text === '') {
          message.remove();
          return;
        }
        message.append(el('span', { class: 'meta' }, `(${error})`));
        message.setAttribute('aria-busy', 'false');
        message.dataset.state = 'failed';
      },
    };
  }

  function renderCitations(citations, messageId) {
    const list = el('ol', { class: 'sources', 'aria-label': 'Sources' });
    for (const citation of citations) {
      const number = Number.parseInt(citation.number, 10);
      if (!Number.isFinite(number)) continue;
      const parts = [citation.title, citation.section].filter((part) => typeof part === 'string' && part.trim() !== '');
      const label = parts.length > 0 ? parts.join(' — ') : String(citation.source || 'source');
      const item = el('li', { id: `m${messageId}-source-${number}`, value: number, tabindex: '-1' }, label);
      if (typeof citation.source === 'string' && citation.source !== '' && citation.source !== label) {
        item.append(' ', el('span', { class: 'file' }, `(${citation.source})`));
      }
      list.append(item);
    }
    return list;
  }

  function renderTimestamp(timestamp) {
    if (!timestamp || typeof timestamp.local !== 'string') return null;
    const match = /T(\d{2}:\d{2})/.exec(timestamp.local);
    if (!match) return null;
    const label = timestamp.note ? `${match[1]} ${timestamp.timeZone || 'UTC'}` : match[1];
    return el('time', { class: 'meta', datetime: timestamp.local, title: timestamp.note || timestamp.timeZone || '' }, label);
  }

  // ---- Markdown, the safe subset: every piece of model text becomes a Text node; the only elements created are
  // the ones named here, and the only attribute taken from the text is a link's href after its protocol is checked.

  function renderMarkdown(markdown, target, messageId) {
    const blocks = [];
    const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        i++;
        continue;
      }

      const fence = /^\s*(```|~~~)/.exec(line);
      if (fence) {
        const code = [];
        i++;
        while (i < lines.length && !lines[i].trim().startsWith(fence[1])) code.push(lines[i++]);
        i++;
        blocks.push(el('pre', {}, el('code', {}, code.join('\n'))));
        continue;
      }

      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        blocks.push(el('p', { class: 'heading' }, el('strong', {}, ...inline(heading[1], messageId))));
        i++;
        continue;
      }

      const list = listItem(line);
      if (list) {
        const node = el(list.ordered ? 'ol' : 'ul', list.ordered && list.start !== 1 ? { start: list.start } : {});
        while (i < lines.length) {
          const item = listItem(lines[i]);
          if (!item || item.ordered !== list.ordered) break;
          const content = [item.text];
          i++;
          while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !listItem(lines[i])) content.push(lines[i++].trim());
          node.append(el('li', {}, ...inline(content.join(' '), messageId)));
        }
        blocks.push(node);
        continue;
      }

      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^\s*(```|~~~)/.test(lines[i]) && !/^#{1,6}\s/.test(lines[i]) && !listItem(lines[i])) {
        paragraph.push(lines[i++]);
      }
      const p = el('p');
      paragraph.forEach((text, index) => {
        if (index > 0) p.append(el('br'));
        p.append(...inline(text, messageId));
      });
      blocks.push(p);
    }
    target.replaceChildren(...blocks);
  }

  function listItem(line) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (bullet) return { ordered: false, text: bullet[1] };
    const numbered = /^\s*(\d{1,9})[.)]\s+(.*)$/.exec(line);
    if (numbered) return { ordered: true, start: parseInt(numbered[1], 10), text: numbered[2] };
    return null;
  }

  // Inline spans, first match wins at each position: code, link, citation marker, bold, emphasis, bare URL.
  const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^()\s]+)\)|\[(\d{1,3})\]|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\s][^*\n]*)\*|(?<![\p{L}\p{N}])_([^_\s][^_\n]*)_(?![\p{L}\p{N}])|(https?:\/\/[^\s<>()"]+[^\s<>()".,;:!?'])/gu;

  function inline(text, messageId) {
    const nodes = [];
    let last = 0;
    INLINE.lastIndex = 0;
    for (let match = INLINE.exec(text); match; match = INLINE.exec(text)) {
      if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
      nodes.push(inlineNode(match, messageId));
      last = INLINE.lastIndex;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function inlineNode(match, messageId) {
    const [whole, code, linkText, href, cite, bold, boldUnderscore, em, emUnderscore, url] = match;
    if (code !== undefined) return el('code', {}, code);
    if (linkText !== undefined) {
      const safe = safeUrl(href);
      // A link to anything but http(s) or mailto (javascript:, data:, relative paths) is shown as the text it is.
      return safe ? link(safe, linkText) : document.createTextNode(whole);
    }
    if (cite !== undefined) return citationMarker(Number.parseInt(cite, 10), messageId);
    if (bold !== undefined || boldUnderscore !== undefined) return el('strong', {}, ...inlinePlain(bold ?? boldUnderscore, messageId));
    if (em !== undefined || emUnderscore !== undefined) return el('em', {}, ...inlinePlain(em ?? emUnderscore, messageId));
    const safe = safeUrl(url);
    return safe ? link(safe, url) : document.createTextNode(whole);
  }

  // Emphasis content may hold code or links but not further emphasis; the regex state is restored afterwards.
  function inlinePlain(text, messageId) {
    const saved = INLINE.lastIndex;
    const nodes = inline(text, messageId);
    INLINE.lastIndex = saved;
    return nodes;
  }

  function safeUrl(href) {
    try {
      const url = new URL(href);
      return LINK_PROTOCOLS.includes(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  }

  function link(href, text) {
    return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
  }

  function citationMarker(number, messageId) {
    const button = el('button', { type: 'button', class: 'cite', 'aria-label': `Source ${number}` }, `[${number}]`);
    button.addEventListener('click', () => {
      const source = button.getRootNode().getElementById(`m${messageId}-source-${number}`);
      if (source) source.focus();
    });
    return button;
  }
})();
