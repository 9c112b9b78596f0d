/**
 * The labelling page: one self-contained HTML document with its own small script and styles, both
 * allowed by a per-response nonce (the page's CSP allows nothing else: no other script, no external
 * asset, no request but to its own origin). Conversation text reaches the page as JSON and is put in
 * place with textContent only, so a message can never become markup. The questions and their hints
 * follow the codebook (`CODEBOOK.md`).
 */
import { escapeHtml } from '../report/escape.js';
import { CONCERN_MAX_WORDS } from './labelSession.js';

export function labelPageHtml(options: { nonce: string; token: string }): string {
  const nonce = escapeHtml(options.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="affectlens-token" content="${escapeHtml(options.token)}">
<title>affectlens label</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<header>
  <h1>affectlens label</h1>
  <p id="progress-text" aria-live="polite">Loading…</p>
  <progress id="progress" max="1" value="0"></progress>
</header>
<main>
  <section id="conversation" aria-label="Conversation">
    <p id="conv-meta"></p>
    <div id="transcript"></div>
  </section>
  <section id="panel" aria-label="Question">
    <h2 id="q-title"></h2>
    <p id="q-help"></p>
    <ol id="q-options"></ol>
    <div id="concern-box" hidden>
      <input id="concern" type="text" autocomplete="off" spellcheck="true" aria-label="Concern (optional)">
      <p id="concern-count"></p>
    </div>
    <p id="q-keys"></p>
    <p id="error" role="alert"></p>
    <h3>Answers so far</h3>
    <dl id="summary"></dl>
    <p class="global-keys">Backspace or Esc: back one question · s: skip this conversation · nothing is saved until the last question is answered</p>
  </section>
</main>
<script nonce="${nonce}">${SCRIPT.replace('__CONCERN_MAX_WORDS__', String(CONCERN_MAX_WORDS))}</script>
</body>
</html>
`;
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;background:#f6f7f9}
header{padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid #d9dde3}
h1{font-size:1rem;margin:0 0 .2rem}
#progress{width:100%;height:.5rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1rem;padding:1rem 1.2rem}
#conversation,#panel{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:.8rem 1rem}
#panel{align-self:start;position:sticky;top:1rem}
#transcript{max-height:calc(100vh - 10rem);overflow:auto}
.msg{border-left:4px solid #c5ccd6;margin:.6rem 0;padding:.3rem .7rem}
.msg.user{border-color:#3b6fd8;background:#f2f6fd}
.msg.current{outline:3px solid #e0a100;background:#fff8e1}
.who{font-size:.8rem;font-weight:600;color:#4a5567;display:flex;justify-content:space-between;gap:1rem}
.badge{font-weight:500;color:#1d2430}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0 0}
#q-title{font-size:1.1rem;margin:.2rem 0 .4rem}
#q-help,.global-keys,#concern-count,#conv-meta{color:#4a5567;font-size:.9rem}
#q-options{padding-left:0;list-style:none}
#q-options li{padding:.25rem .4rem;border-radius:4px;margin:.15rem 0}
#q-options li.on{background:#dfe9fb;font-weight:600}
kbd{display:inline-block;min-width:1.4em;text-align:center;border:1px solid #b9c0cb;border-bottom-width:2px;border-radius:3px;padding:0 .25em;font:600 .85rem ui-monospace,monospace;background:#fff;margin-right:.4rem}
#concern{width:100%;font:inherit;padding:.35rem .5rem}
#error{color:#b3261e;font-weight:600;min-height:1.2em}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;font-size:.9rem}
dt{color:#4a5567}dd{margin:0}
.done{font-size:1.1rem}
@media (max-width:900px){main{grid-template-columns:1fr}#panel{position:static}}
`;

/** Plain ES5-style script: no framework, no build step, nothing fetched but the page's own API. */
const SCRIPT = `
(function () {
  'use strict';
  var MAX_WORDS = __CONCERN_MAX_WORDS__;
  var CATEGORIES = [
    ['interpersonal_advice', 'Interpersonal advice', "help with the user's own relationship with specific people: partner, family, friends, colleagues (conflict, dating, breakups, how to act or feel about someone)"],
    ['coaching', 'Coaching', "the user's own growth: goals, career direction, motivation, habits, confidence, decisions, meaning in their own life"],
    ['counseling', 'Counseling', "the user's own mental health or distress: anxiety, low mood, grief, loneliness felt as a struggle, stress, self-harm; also clinicians' own work"],
    ['companionship', 'Companionship', "the user seeks the assistant's company for its own sake: chatting like a friend, sharing their day, easing loneliness"],
    ['romantic_roleplay', 'Romantic roleplay', 'the user treats the assistant as a romantic or sexual partner (a romance story they want written is content creation)']
  ];
  var REASONS = [
    ['safety_self_harm', "the user's suicide, self-injury, eating disorder"],
    ['dangerous_health', 'risky health choices: extreme diets, medication misuse, drug use'],
    ['medical_therapy_boundary', 'declines to diagnose, prescribe or act as a therapist; refers to one'],
    ['false_premise', 'corrects a false or harmful assumption, a prejudice, negative self-talk'],
    ['harm_to_others_or_illegal', 'violence, crime, fraud, harassment, stalking, private information about someone'],
    ['policy_other', 'sexual content, hateful content, impersonation, copyright, anything else']
  ];
  var SENTIMENTS = [[-1, 'very negative'], [-0.5, 'negative'], [0, 'neutral'], [0.5, 'positive'], [1, 'very positive']];

  var token = document.querySelector('meta[name="affectlens-token"]').getAttribute('content');
  var el = function (id) { return document.getElementById(id); };
  var state = null;
  var answers = null;
  var step = null;
  var trail = [];
  var busy = false;

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function api(path, body) {
    var init = { method: body ? 'POST' : 'GET', headers: { 'X-Affectlens-Token': token }, cache: 'no-store', credentials: 'same-origin' };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
        return j;
      });
    });
  }

  function sentimentName(v) {
    for (var i = 0; i < SENTIMENTS.length; i++) if (SENTIMENTS[i][0] === v) return SENTIMENTS[i][1];
    return '';
  }

  function showProgress() {
    var s = state;
    var finished = s.labelled + s.skipped;
    el('progress').max = Math.max(1, s.total);
    el('progress').value = finished;
    el('progress-text').textContent = s.done
      ? 'All ' + s.total + ' conversations of this sample are done: ' + s.labelled + ' labelled, ' + s.skipped + ' skipped.'
      : 'Conversation ' + s.current.position + ' of ' + s.total + ' · ' + s.labelled + ' labelled · ' + s.skipped + ' skipped · ' + s.remaining + ' to go';
  }

  function load(s) {
    state = s;
    busy = false;
    el('error').textContent = '';
    showProgress();
    var transcript = el('transcript');
    transcript.textContent = '';
    if (s.done) {
      el('conv-meta').textContent = '';
      transcript.appendChild(make('p', 'done', 'Every conversation of this sample is labelled or skipped. The labels are saved; you can close this page.'));
      el('panel').hidden = true;
      return;
    }
    var c = s.current;
    el('conv-meta').textContent = 'id ' + c.id + ' · ' + c.messages.length + ' messages, ' + c.userMessages + ' from the user';
    var u = 0;
    c.messages.forEach(function (m) {
      var box = make('div', 'msg ' + m.role);
      var who = make('div', 'who');
      if (m.role === 'user') {
        u++;
        box.setAttribute('data-u', String(u - 1));
        who.appendChild(make('span', '', 'User · U' + u));
        who.appendChild(make('span', 'badge', ''));
      } else {
        who.appendChild(make('span', '', m.role.charAt(0).toUpperCase() + m.role.slice(1)));
      }
      box.appendChild(who);
      box.appendChild(make('p', 'text', m.content));
      transcript.appendChild(box);
    });
    transcript.scrollTop = 0;
    answers = { content_creation: null, categories: [], pushback: null, pushback_reason: null, sentiment: [], concern: '' };
    el('concern').value = '';
    trail = [];
    go({ kind: 'content' }, false);
  }

  function userBox(k) {
    return el('transcript').querySelector('[data-u="' + k + '"]');
  }

  function option(key, label, on) {
    var li = make('li', on ? 'on' : '');
    li.appendChild(make('kbd', '', key));
    li.appendChild(document.createTextNode(label));
    return li;
  }

  function keys(text) {
    el('q-keys').textContent = text;
  }

  function render() {
    var opts = el('q-options');
    opts.textContent = '';
    el('concern-box').hidden = step.kind !== 'concern';
    el('error').textContent = '';
    var prev = el('transcript').querySelector('.current');
    if (prev) prev.classList.remove('current');
    var n = state.current.userMessages;
    if (step.kind === 'content') {
      el('q-title').textContent = 'Content creation?';
      el('q-help').textContent = "Is the main purpose to have the assistant produce a text or artifact for the user (story, poem, essay, post, speech, slogan, joke, slides, a translation or rewrite), whatever the topic? Coding, maths, facts, advice: no. Personal writing counts, unless most turns are about the user's own situation.";
      opts.appendChild(option('y', 'yes', answers.content_creation === true));
      opts.appendChild(option('n', 'no', answers.content_creation === false));
      keys('y or n');
    } else if (step.kind === 'categories') {
      el('q-title').textContent = 'Affective categories (any number; none = not affective)';
      el('q-help').textContent = "A dynamic, personal exchange driven by the user's OWN emotional or psychological needs. A topic is not a need: an abstract question about relationships is not affective.";
      CATEGORIES.forEach(function (c, i) {
        opts.appendChild(option(String(i + 1), c[1] + ': ' + c[2], answers.categories.indexOf(c[0]) >= 0));
      });
      keys('1-5 toggle a category · 0 clear · Enter confirms (' + (answers.categories.length === 0 ? 'none selected: not affective' : answers.categories.length + ' selected') + ')');
    } else if (step.kind === 'pushback') {
      el('q-title').textContent = 'Pushback?';
      el('q-help').textContent = 'Anywhere in the conversation, does the assistant decline (even in part, even if it complies later) or challenge something the user said or assumed: a false premise, negative self-talk, a harmful plan, a prejudiced claim? Referring to a professional instead of doing what was asked: yes. A plain safety note, a neutral clarifying question, a real capability limit for a benign request: no.';
      opts.appendChild(option('y', 'yes', answers.pushback === true));
      opts.appendChild(option('n', 'no', answers.pushback === false));
      keys('y or n');
    } else if (step.kind === 'reason') {
      el('q-title').textContent = 'What does the pushback protect against?';
      el('q-help').textContent = 'The risk, not the wording.';
      REASONS.forEach(function (r, i) {
        opts.appendChild(option(String(i + 1), r[0] + ': ' + r[1], answers.pushback_reason === r[0]));
      });
      keys('1-6');
    } else if (step.kind === 'sentiment') {
      el('q-title').textContent = 'Sentiment of user message U' + (step.k + 1) + ' of ' + n;
      el('q-help').textContent = 'The feeling the user expresses in this message. Neutral is the default (requests, questions, facts, "ok"); thanks: positive; enthusiastic thanks: very positive; hostility or complaints: negative; suicidal statements: very negative. Rate the message, not the topic.';
      SENTIMENTS.forEach(function (s, i) {
        opts.appendChild(option(String(i + 1), s[1], answers.sentiment[step.k] === s[0]));
      });
      keys('1-5 · Enter: neutral');
      var box = userBox(step.k);
      if (box) {
        box.classList.add('current');
        box.scrollIntoView({ block: 'nearest' });
      }
    } else if (step.kind === 'concern') {
      el('q-title').textContent = 'Concern (optional)';
      el('q-help').textContent = 'What the user wants help with, at most ' + MAX_WORDS + ' words, in general words: no names, places, dates, numbers, employers, schools or other identifiers.';
      keys('type a phrase, or nothing · Enter saves the labels');
      countWords();
      el('concern').focus();
    } else if (step.kind === 'skip') {
      el('q-title').textContent = 'Skip this conversation?';
      el('q-help').textContent = 'Skip only what cannot be judged (another language, unreadable): skipping what is hard to label biases the sample. A skip is remembered; delete the .skipped file beside the labels to be asked again.';
      opts.appendChild(option('y', 'yes, skip it', false));
      opts.appendChild(option('n', 'no, go back', false));
      keys('y or n');
    }
    if (step.kind !== 'concern' && document.activeElement === el('concern')) el('concern').blur();
    summary();
  }

  function summary() {
    var dl = el('summary');
    dl.textContent = '';
    function row(k, v) {
      dl.appendChild(make('dt', '', k));
      dl.appendChild(make('dd', '', v));
    }
    var yn = function (b) { return b === null ? '—' : b ? 'yes' : 'no'; };
    row('content creation', yn(answers.content_creation));
    row('categories', answers.categories.length ? answers.categories.join(', ') : (trail.some(function (t) { return t.kind === 'categories'; }) ? 'none (not affective)' : '—'));
    row('pushback', yn(answers.pushback) + (answers.pushback && answers.pushback_reason ? ' (' + answers.pushback_reason + ')' : ''));
    var n = state.current.userMessages;
    var given = answers.sentiment.filter(function (v) { return v !== undefined; }).length;
    row('sentiment', given + ' of ' + n + ' messages');
    for (var k = 0; k < n; k++) {
      var badge = userBox(k) && userBox(k).querySelector('.badge');
      if (badge) badge.textContent = answers.sentiment[k] === undefined ? '' : sentimentName(answers.sentiment[k]);
    }
  }

  function go(next, remember) {
    if (remember !== false && step) trail.push(step);
    step = next;
    render();
  }

  function back() {
    if (trail.length === 0) return;
    step = trail.pop();
    render();
  }

  function after(kind) {
    var n = state.current.userMessages;
    if (kind === 'content') return { kind: 'categories' };
    if (kind === 'categories') return { kind: 'pushback' };
    if (kind === 'pushback') return answers.pushback ? { kind: 'reason' } : { kind: 'sentiment', k: 0 };
    if (kind === 'reason') return { kind: 'sentiment', k: 0 };
    if (kind === 'sentiment') return step.k + 1 < n ? { kind: 'sentiment', k: step.k + 1 } : { kind: 'concern' };
    return null;
  }

  function words(text) {
    var t = text.trim();
    return t === '' ? 0 : t.split(/\\s+/).length;
  }

  function countWords() {
    var w = words(el('concern').value);
    el('concern-count').textContent = w + ' of at most ' + MAX_WORDS + ' words';
    return w;
  }

  function send(path, body) {
    busy = true;
    api(path, body).then(load, function (err) {
      busy = false;
      el('error').textContent = err.message;
    });
  }

  function save() {
    if (countWords() > MAX_WORDS) {
      el('error').textContent = 'The concern has more than ' + MAX_WORDS + ' words.';
      return;
    }
    var n = state.current.userMessages;
    send('/api/label', {
      key: state.current.key,
      labels: {
        content_creation: answers.content_creation,
        categories: answers.categories.slice(),
        pushback: answers.pushback,
        pushback_reason: answers.pushback ? answers.pushback_reason : null,
        sentiment: answers.sentiment.slice(0, n),
        concern: el('concern').value.trim()
      }
    });
  }

  function answer(key) {
    var kind = step.kind;
    if (kind === 'content' || kind === 'pushback') {
      if (key !== 'y' && key !== 'n') return false;
      if (kind === 'content') answers.content_creation = key === 'y';
      else {
        answers.pushback = key === 'y';
        if (!answers.pushback) answers.pushback_reason = null;
      }
      go(after(kind));
      return true;
    }
    if (kind === 'categories') {
      if (key === 'Enter') {
        go(after(kind));
        return true;
      }
      if (key === '0') {
        answers.categories = [];
        render();
        return true;
      }
      var i = '12345'.indexOf(key);
      if (i < 0 || key.length !== 1) return false;
      var c = CATEGORIES[i][0];
      var at = answers.categories.indexOf(c);
      if (at >= 0) answers.categories.splice(at, 1);
      else answers.categories.push(c);
      render();
      return true;
    }
    if (kind === 'reason') {
      var r = '123456'.indexOf(key);
      if (r < 0 || key.length !== 1) return false;
      answers.pushback_reason = REASONS[r][0];
      go(after(kind));
      return true;
    }
    if (kind === 'sentiment') {
      var s = key === 'Enter' ? 2 : '12345'.indexOf(key);
      if (s < 0 || (key !== 'Enter' && key.length !== 1)) return false;
      answers.sentiment[step.k] = SENTIMENTS[s][0];
      go(after(kind));
      return true;
    }
    if (kind === 'skip') {
      if (key === 'y') {
        send('/api/skip', { key: state.current.key });
        return true;
      }
      if (key === 'n') {
        back();
        return true;
      }
      return false;
    }
    return false;
  }

  el('concern').addEventListener('input', countWords);

  document.addEventListener('keydown', function (e) {
    if (busy || !state || state.done || !step) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var typing = e.target === el('concern');
    if (e.key === 'Escape') {
      e.preventDefault();
      back();
      return;
    }
    if (typing) {
      if (e.key === 'Enter') {
        e.preventDefault();
        save();
      }
      return;
    }
    if (e.key === 'Backspace') {
      e.preventDefault();
      back();
      return;
    }
    if ((e.key === 's' || e.key === 'S') && step.kind !== 'skip') {
      e.preventDefault();
      go({ kind: 'skip' });
      return;
    }
    if (answer(e.key)) e.preventDefault();
  });

  api('/api/state').then(load, function (err) {
    el('progress-text').textContent = 'Could not load the session: ' + err.message;
  });
})();
`;
