// Format masking (markdown, html, plaintext), template placeholders and carelint directives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  directiveComment,
  findDirectives,
  findPlaceholders,
  maskNonProse,
  parseDirectives,
} from '../shared-rules/src/formats/index';
import type { TextFormat } from '../shared-rules/src/types';

const FORMATS: TextFormat[] = ['plaintext', 'markdown', 'html'];
const ZWSP = '\u200b';
const OBJ = '\ufffc';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'formats', name), 'utf8');

/** Words a reader of the masked text sees: U+200B is invisible, a U+FFFC run is one word written '¤'. */
function visibleWords(masked: string): string[] {
  const words = masked.replace(/\u200b/g, '').match(/[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}]+)*|\ufffc+/gu) ?? [];
  return words.map((w) => (w.startsWith(OBJ) ? '¤' : w));
}

/** Same length, and every '\n' and '\r' of the original still at its index. */
function assertShape(original: string, masked: string): void {
  assert.equal(masked.length, original.length, 'length');
  for (let i = 0; i < original.length; i++) {
    const c = original[i];
    if (c === '\n' || c === '\r') assert.equal(masked[i], c, `line break at ${i}`);
  }
}

function mask(text: string, format: TextFormat): string {
  const m = maskNonProse(text, format);
  assertShape(text, m);
  return m;
}

describe('formats: maskNonProse', () => {
  describe('markdown fixture (care plan template)', () => {
    const text = fixture('care-plan.md');
    const masked = mask(text, 'markdown');

    it('keeps exactly the prose words', () => {
      assert.deepEqual(visibleWords(masked), [
        'Crisis',
        'plan',
        'for',
        '¤',
        'Referral',
        'says',
        'she',
        'refused',
        'support',
        '¤',
        'Call',
        '¤',
        'first',
        '¤',
        'She',
        'doesn’t',
        'want',
        'the',
        'option',
        'see',
        'NICE',
        'guidance',
        'or',
        'Support',
        'line',
        'open',
        'daily',
        'Care',
        'plan',
        'Agreed',
        'with',
        '¤',
        'her',
        'sister',
        'GP',
      ]);
    });

    it('hides front matter, code, destinations, URLs, comments and reference definitions', () => {
      assert.doesNotMatch(masked, /police|escalation|title:|carelint|https?:|www\.|nice\.org|quoting|unclosed/i);
      assert.ok(masked.startsWith('   \n' + ' '.repeat('title: Crisis plan template'.length) + '\n'));
    });

    it('keeps heading markers, link text brackets and punctuation after a URL', () => {
      assert.match(masked, /^# Crisis plan for \ufffc+$/m);
      assert.ok(masked.includes('see\n[NICE guidance]'));
      assert.match(masked, / +, open daily\./);
    });

    it('turns raw HTML block tags into paragraph breaks, headings into "# "', () => {
      const at = text.indexOf('<h2>Care plan</h2>');
      assert.equal(masked.slice(at, at + 18), '\n\n# Care plan\n\n   ');
    });

    it('decodes entities in place with zero-width fill', () => {
      const at = text.indexOf('&rsquo;');
      assert.equal(masked.slice(at - 5, at + 8), 'doesn’' + ZWSP.repeat(6) + 't');
      const amp = text.indexOf('&amp;');
      assert.equal(masked.slice(amp, amp + 5), '&' + ZWSP.repeat(4));
    });
  });

  describe('html fixture (letter template)', () => {
    const text = fixture('letter.html');
    const masked = mask(text, 'html');

    it('keeps exactly the text nodes', () => {
      assert.deepEqual(visibleWords(masked), [
        'Discharge',
        'letter',
        'Care',
        'plan',
        'Dear',
        '¤',
        '¤',
        'doesn’t',
        'want',
        'respite',
        'felt',
        'safe',
        'she’s',
        'home',
        'Review',
        'on',
        '¤',
        'Use',
        'only',
        'if',
        'asked',
        'Kind',
        'regards',
        'Ward',
        '7',
      ]);
    });

    it('hides tags, attributes, comments, doctype, script, style, template, code and CDATA', () => {
      assert.doesNotMatch(masked, /police|flag|color|DOCTYPE|lang|class|carelint|CDATA|[<>]/i);
    });

    it('makes headings and block tags paragraph breaks, decodes entities', () => {
      const h2 = text.indexOf('<h2 class="police">');
      assert.equal(masked.slice(h2, h2 + 33), '\n\n#' + ' '.repeat(16) + 'Care plan\n\n' + ' '.repeat(3));
      const dash = text.indexOf('&#8212;');
      assert.equal(masked.slice(dash, dash + 7), '\u2014' + ZWSP.repeat(6));
      const nbsp = text.indexOf('&nbsp;');
      assert.equal(masked.slice(nbsp, nbsp + 6), '\u00a0' + ZWSP.repeat(5));
      const br = text.indexOf('<br>');
      assert.equal(masked.slice(br, br + 4), '\n\n  ');
    });
  });

  describe('plaintext fixture (progress note)', () => {
    const text = fixture('note.txt');
    const masked = mask(text, 'plaintext');

    it('hides only placeholders and directive lines', () => {
      assert.deepEqual(visibleWords(masked), [
        'Mental',
        'state',
        'calm',
        'engaged',
        'She',
        'said',
        'she',
        'refused',
        'the',
        'ward',
        'round',
        'Next',
        'of',
        'kin',
        '¤',
        '¤',
        'see',
        '¤',
        'Merge',
        '¤',
        '¤',
        'done',
      ]);
      const lines = masked.split('\n');
      assert.equal(lines[1].trim(), '');
      assert.equal(lines[3].trim(), '');
      assert.equal(lines[4], `Next of kin: ${OBJ.repeat(14)} (${OBJ.repeat(14)}), see ${OBJ.repeat(12)}.`);
    });

    it('leaves markup alone in plain text', () => {
      assert.equal(
        maskNonProse('a <b>bold</b> `code` &amp; http://x.org', 'plaintext'),
        'a <b>bold</b> `code` &amp; http://x.org',
      );
    });
  });

  describe('placeholders (every format)', () => {
    const forms = [
      '{{ name }}',
      '{{{ raw }}}',
      '{{!-- note --}}',
      '{% if x %}',
      '{# note #}',
      '${ nhs.number }',
      '[[ward]]',
      '«Name»',
      '<<Name>>',
      '{{! short }}',
    ];
    for (const format of FORMATS) {
      for (const p of forms) {
        it(`${format}: ${p} becomes one U+FFFC run`, () => {
          const text = `Dear ${p} today`;
          assert.equal(mask(text, format), `Dear ${OBJ.repeat(p.length)} today`);
        });
      }
    }

    it('masks guillemets only around a field name: words with spaces in them are a quotation', () => {
      assert.equal(mask('Patient \u00abin pain\u00bb today', 'plaintext'), 'Patient \u00abin pain\u00bb today');
      assert.equal(mask('a \u00abx y\u00bb \u00abField\u00bb b', 'plaintext'), `a \u00abx y\u00bb ${OBJ.repeat(7)} b`);
    });

    it('leaves unclosed delimiters as plain text', () => {
      for (const t of ['a {{ b', 'a {% b', 'a ${ b', 'a [[ b', 'a « b', 'a {# b', 'a {{!-- b']) {
        assert.equal(mask(t, 'plaintext'), t);
      }
    });

    it('keeps line breaks inside a placeholder, never crosses a blank line (except comments)', () => {
      assert.equal(mask('a {{ b\nc }} d', 'plaintext'), `a ${OBJ.repeat(4)}\n${OBJ.repeat(4)} d`);
      assert.equal(mask('a {{ b\n\nc }} d', 'plaintext'), 'a {{ b\n\nc }} d');
      assert.equal(mask('a {{ b\r\n  \r\nc }} d', 'plaintext'), 'a {{ b\r\n  \r\nc }} d');
      assert.equal(mask('a {{!-- b\n\nc --}} d', 'plaintext'), `a ${OBJ.repeat(7)}\n\n${OBJ.repeat(6)} d`);
    });

    it('takes the longest opener that closes', () => {
      assert.deepEqual(findPlaceholders('{{{x}} y'), [{ start: 0, end: 6 }]);
      assert.deepEqual(findPlaceholders('{{a}} and {%b%}'), [
        { start: 0, end: 5 },
        { start: 10, end: 15 },
      ]);
    });

    it('keeps a > inside a placeholder from ending an HTML tag or a code span from opening', () => {
      assert.deepEqual(visibleWords(mask('<p {% if a > b %}class="x"{% endif %}>Fine</p>', 'html')), ['Fine']);
      assert.deepEqual(visibleWords(mask('<p title="{{ a > b }}">Fine</p>', 'html')), ['Fine']);
      assert.deepEqual(visibleWords(mask('Use {{ `x` }} here `code` end', 'markdown')), ['Use', '¤', 'here', 'end']);
    });
  });

  describe('markdown details', () => {
    const words = (t: string) => visibleWords(mask(t, 'markdown'));

    it('matches code spans by run length', () => {
      assert.deepEqual(words('a ``code ` police`` b'), ['a', 'b']);
      assert.deepEqual(words('a `police b'), ['a', 'police', 'b']);
      assert.deepEqual(words('a ``x` b'), ['a', 'x', 'b']);
      assert.deepEqual(words('a `x\ny` b'), ['a', 'b']);
      assert.deepEqual(words('a `x\n\ny` b'), ['a', 'x', 'y', 'b']);
    });

    it('closes fences with the same character and at least the same length; unclosed runs to the end', () => {
      assert.deepEqual(words('a\n````\nx\n```\ny\n````\nb'), ['a', 'b']);
      assert.deepEqual(words('a\n~~~\nx\n```\ny\n~~~\nb'), ['a', 'b']);
      assert.deepEqual(words('a\n```js\nx\ny'), ['a']);
      assert.deepEqual(words('a\n> ```\n> x\n> ```\nb'), ['a', 'b']);
      assert.deepEqual(words('a ``` b ``` c'), ['a', 'c']);
    });

    it('hides front matter only at the very start, YAML or TOML', () => {
      assert.deepEqual(words('---\nx: police\n---\nbody'), ['body']);
      assert.deepEqual(words('+++\nx = "police"\n+++\r\nbody'), ['body']);
      assert.deepEqual(words('intro\n---\nx: y\n---\nbody'), ['intro', 'x', 'y', 'body']);
      assert.deepEqual(words('---\nnot closed'), ['not', 'closed']);
    });

    it('hides link and image destinations, keeps their text', () => {
      assert.deepEqual(
        words('[Wiki](https://en.wikipedia.org/wiki/Foo_(police)) and ![a chart](img/police.png "Police")'),
        ['Wiki', 'and', 'a', 'chart'],
      );
      assert.deepEqual(words("[text](<a b/police> 't') end"), ['text', 'end']);
      assert.deepEqual(words('[see][police-ref] end'), ['see', 'end']);
      assert.deepEqual(words('plain (brackets) here] (too)'), ['plain', 'brackets', 'here', 'too']);
    });

    it('hides autolinks, emails and bare URLs but not the sentence punctuation', () => {
      assert.equal(mask('See https://x.org/police.', 'markdown'), 'See ' + ' '.repeat(20) + '.');
      assert.equal(mask('(www.police.uk)', 'markdown'), '(' + ' '.repeat(13) + ')');
      assert.deepEqual(words('Mail <team@police.example> or mailto:a@police.example, or <http://police.example>.'), [
        'Mail',
        'or',
        'or',
      ]);
      assert.deepEqual(words('showhttp://x is not a url'), ['showhttp', 'x', 'is', 'not', 'a', 'url']);
    });

    it('hides reference definitions but not footnotes', () => {
      assert.deepEqual(words('[ref]: https://police.example "Police"\n[^1]: A footnote.'), ['1', 'A', 'footnote']);
    });

    it('hides HTML comments (multi-line too) and raw HTML', () => {
      assert.deepEqual(words('a <!-- police --> b'), ['a', 'b']);
      assert.deepEqual(words('<!--\npolice\n\nmore police\n-->\nb'), ['b']);
      assert.deepEqual(words('a <span class="police">b</span> <code>police</code> c'), ['a', 'b', 'c']);
      assert.deepEqual(words('<script>\nvar police;\n\nx = 1 < 2;\n</script>\nafter'), ['after']);
      assert.deepEqual(words('score < 5 and > 2'), ['score', '5', 'and', '2']);
    });

    it('keeps escaped markup visible', () => {
      assert.deepEqual(words('\\<b\\> and \\[x\\](y)'), ['b', 'and', 'x', 'y']);
    });
  });

  describe('html details', () => {
    const html = (t: string) => mask(t, 'html');

    it('block tags become "\\n\\n", inline tags spaces', () => {
      assert.equal(html('a<p>b</p>c'), 'a\n\n b\n\n  c');
      assert.equal(html('a<b>b</b>c'), 'a   b    c');
      assert.equal(html('<H3 id=x>Plan</H3>'), '\n\n#      Plan\n\n   ');
      assert.equal(html('a<br/>b<hr>c'), 'a\n\n   b\n\n  c');
    });

    it('keeps <q> a quotation: its tags become curly quotation marks, so quoted words stay quiet', () => {
      assert.equal(html('a <q>b</q> c'), 'a \u201c  b   \u201d c');
      assert.equal(html('<Q cite="x">b</Q>'), '\u201c' + ' '.repeat(11) + 'b   \u201d');
      assert.equal(html('a <q'), 'a   ');
    });

    it('hides attribute values even when they contain ">"', () => {
      assert.deepEqual(visibleWords(html('<a title="police > you" href=\'x>y\'>link</a> ok')), ['link', 'ok']);
    });

    it('treats a lone "<" as text and runs unclosed tags, comments and scripts to the end', () => {
      assert.deepEqual(visibleWords(html('a < b <3 c')), ['a', 'b', '3', 'c']);
      assert.deepEqual(visibleWords(html('a <!-- police')), ['a']);
      assert.deepEqual(visibleWords(html('a <script>police')), ['a']);
      assert.deepEqual(visibleWords(html('a <p class="police')), ['a']);
      assert.deepEqual(visibleWords(html('a <code>police b')), ['a', 'police', 'b']);
      assert.deepEqual(visibleWords(html('a <!----> b <!--> c <?xml police?> d')), ['a', 'b', 'c', 'd']);
    });

    it('decodes named, decimal, hex, astral and Windows-1252 references; leaves unknown ones', () => {
      assert.equal(html('it&#146;s'), 'it\u2019' + ZWSP.repeat(5) + 's');
      assert.equal(html('&#x1F600;'), '\u{1F600}' + ZWSP.repeat(7));
      assert.equal(html('&#128512;'), '\u{1F600}' + ZWSP.repeat(7));
      assert.equal(
        html('a &bogus; &amp b &#0; &#10;'),
        'a &bogus; &amp b \ufffd' + ZWSP.repeat(3) + '  ' + ZWSP.repeat(4),
      );
      assert.equal(html('caf&eacute;'), 'café' + ZWSP.repeat(7));
    });
  });

  describe('directive comments are hidden', () => {
    it('in plaintext, a line starting with a directive (after a comment leader) disappears entirely', () => {
      for (const lead of ['', '# ', '// ', '-- ', '% ', '; ', '  ']) {
        const text = `${lead}carelint-disable-next-line refused, police -- reason\nShe refused.`;
        assert.deepEqual(visibleWords(mask(text, 'plaintext')), ['She', 'refused'], lead);
      }
    });

    it('only the comment, not the prose after its closer', () => {
      assert.deepEqual(visibleWords(mask('She refused. <!-- carelint-disable-line refused --> Later.', 'plaintext')), [
        'She',
        'refused',
        'Later',
      ]);
      assert.deepEqual(visibleWords(mask('She refused. {# carelint-disable-line refused #} Later.', 'markdown')), [
        'She',
        'refused',
        'Later',
      ]);
    });

    it('not a mention of a directive inside a sentence', () => {
      assert.deepEqual(visibleWords(mask('Type carelint-disable to stop', 'plaintext')), [
        'Type',
        'carelint',
        'disable',
        'to',
        'stop',
      ]);
    });
  });

  describe('adversarial inputs finish in linear time', () => {
    const cases: Array<[string, string]> = [
      ['5 MB single line', 'She declined the ward round today and '.repeat(140_000)],
      ['1 MB of <', '<'.repeat(1 << 20)],
      ['1 MB of {', '{'.repeat(1 << 20)],
      ['1 MB of `', '`'.repeat(1 << 20)],
      ['alternating backtick runs', '` `` ``` '.repeat(100_000)],
      ['1 MB of [', '['.repeat(1 << 20)],
      ['1 MB of &', '&'.repeat(1 << 20)],
      ['unclosed tags', '<a x="'.repeat(200_000)],
      ['unclosed markdown tags', '<a b c '.repeat(150_000)],
      ['link destinations', '[a](b ('.repeat(150_000)],
      ['nested destinations', '[a](b]('.repeat(150_000)],
      ['unclosed comments', '<!--'.repeat(250_000)],
      ['unclosed code', '<code>'.repeat(170_000)],
      ['placeholders', '{{ ${ [[ « << {% {# '.repeat(50_000)],
      ['fences', '```\n~~~~\n'.repeat(120_000)],
      ['bare URLs', 'http://x))))) '.repeat(70_000) + 'https://' + ')'.repeat(500_000)],
      ['entities', '&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(25_000)],
      ['directives', '// carelint-disable-line a b c '.repeat(30_000)],
      ['directive lines', '# carelint-disable-next-line x\n'.repeat(30_000)],
      ['blank lines', '\n \n\r\n\r'.repeat(200_000)],
      ['many paragraphs, one backtick at the end', 'a\n\n'.repeat(300_000) + '`'],
      ['many paragraphs, one comment closer at the end', 'a <!-- b\n\n'.repeat(100_000) + '-->'],
      ['unclosed titles', '[a](b "'.repeat(100_000) + "[a](b '".repeat(50_000) + '[a](b ('.repeat(50_000)],
      ['unclosed script blocks', '<script>\n\n'.repeat(100_000)],
      ['bogus markup', '<!x </x </ <? <![CDATA[ '.repeat(40_000)],
    ];
    // Linear, not fast: a quarter of the text must cost about a quarter of the CPU time (quadratic work would
    // cost a sixteenth), measured as this process's CPU time, so a busy machine slows both runs alike.
    const cpuMs = (run: () => void) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = process.cpuUsage();
        run();
        const t = process.cpuUsage(t0);
        best = Math.min(best, (t.user + t.system) / 1000);
      }
      return best;
    };
    const assertLinear = (label: string, run: (t: string) => void, text: string) => {
      const quarter = text.slice(0, text.length >> 2);
      const small = cpuMs(() => run(quarter));
      const whole = cpuMs(() => run(text));
      // below 250 ms of CPU for the whole text a collector pause can outweigh the work, and nothing is slow;
      // quadratic work on these megabyte texts takes seconds
      assert.ok(
        whole < 250 || whole <= 10 * Math.max(small, 1),
        `${label}: ${whole.toFixed(0)} ms for the text, ${small.toFixed(0)} ms for a quarter of it`,
      );
    };
    for (const [name, text] of cases) {
      it(name, function () {
        this.timeout(60_000);
        for (const format of FORMATS) {
          assert.equal(maskNonProse(text, format).length, text.length);
          assertLinear(format, (t) => maskNonProse(t, format), text);
        }
        assertLinear('parseDirectives', (t) => parseDirectives(t).isSuppressed('a', 'b', t.length >> 1), text);
      });
    }
  });

  describe('properties', () => {
    const fragments = fc.constantFrom(
      '<',
      '>',
      '</',
      '<p>',
      '</p>',
      '<h2>',
      '<br/>',
      '<b>',
      '<script>',
      '</script>',
      '<code>',
      '<!--',
      '-->',
      '<!DOCTYPE html>',
      '<![CDATA[',
      ']]>',
      '="',
      '"',
      "'",
      '&amp;',
      '&#x1F600;',
      '&#',
      ';',
      '&rsquo;',
      '`',
      '``',
      '```',
      '~~~',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
      '---',
      '+++',
      '[',
      ']',
      '(',
      ')',
      '](',
      '![',
      '"t"',
      'http://',
      'www.',
      'mailto:',
      '{{',
      '}}',
      '{{{',
      '}}}',
      '{{!--',
      '--}}',
      '{%',
      '%}',
      '{#',
      '#}',
      '${',
      '}',
      '[[',
      ']]',
      '«',
      '»',
      '<<',
      '>>',
      '# ',
      '> ',
      '- ',
      '\\',
      'police',
      ' ',
      'carelint-disable-next-line',
      'carelint-disable',
      'carelint-enable',
      'carelint-disable-line',
      ' -- ',
      ',',
      '\ud800',
      '\udc00',
      '\u{1F600}',
    );
    const built = fc.array(fragments, { maxLength: 60 }).map((a) => a.join(''));
    const arbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      built,
    );

    for (const format of FORMATS) {
      it(`${format}: never throws, same length, every line break kept`, () => {
        fc.assert(
          fc.property(arbitrary, (text) => {
            const m = maskNonProse(text, format);
            if (m.length !== text.length) return false;
            for (let i = 0; i < text.length; i++) {
              const c = text.charCodeAt(i);
              if ((c === 10 || c === 13) && m.charCodeAt(i) !== c) return false;
            }
            return true;
          }),
          { numRuns: 1500 },
        );
      });
    }

    it('plaintext without placeholders or directives is unchanged', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          fc.pre(!/[{$[«<]|carelint/i.test(text));
          return maskNonProse(text, 'plaintext') === text;
        }),
      );
    });

    it('parseDirectives never throws and answers for any offset', () => {
      fc.assert(
        fc.property(built, fc.nat(), (text, off) => {
          const s = parseDirectives(text);
          return typeof s.isSuppressed('police', 'police-involvement', off % (text.length + 1)) === 'boolean';
        }),
        { numRuns: 1000 },
      );
    });
  });
});

describe('formats: parseDirectives', () => {
  /** Offset of the n-th (0-based) occurrence of `word`. */
  function at(text: string, word: string, n = 0): number {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text.indexOf(word, i + 1);
    assert.ok(i >= 0, `${word} #${n}`);
    return i;
  }

  it('returns a shared empty object when the text has no directive', () => {
    const a = parseDirectives('She refused.');
    assert.equal(a, parseDirectives('Nothing here either'));
    assert.equal(a.count, 0);
    assert.equal(a.isSuppressed('refused', 'stigmatizing-language', 0), false);
  });

  it('disable-next-line: the next non-blank line, only the listed ids', () => {
    const t = 'A refused.\n<!-- carelint-disable-next-line refused -->\n\n  \nB refused police.\nC refused.';
    const s = parseDirectives(t);
    assert.equal(s.count, 1);
    assert.equal(s.isSuppressed('refused', 'stigmatizing-language', at(t, 'refused', 0)), false);
    assert.equal(s.isSuppressed('refused', 'stigmatizing-language', at(t, 'refused', 2)), true);
    assert.equal(s.isSuppressed('police', 'police-involvement', at(t, 'police')), false);
    assert.equal(s.isSuppressed('refused', 'stigmatizing-language', at(t, 'refused', 3)), false);
  });

  it('stacked next-line directives reach the same line', () => {
    const t =
      '// carelint-disable-next-line refused\n// carelint-disable-next-line police\nrefused police\nrefused police';
    const s = parseDirectives(t);
    assert.equal(s.count, 2);
    assert.equal(s.isSuppressed('refused', 'x', at(t, 'refused', 1)), true);
    assert.equal(s.isSuppressed('police', 'x', at(t, 'police', 1)), true);
    assert.equal(s.isSuppressed('police', 'x', at(t, 'police', 2)), false);
    assert.equal(s.isSuppressed('refused', 'x', at(t, 'refused', 2)), false);
  });

  it('disable-line: its own line, ids separated by commas or spaces', () => {
    const t = 'She refused, police called. # carelint-disable-line refused,police  other\nShe refused.';
    const s = parseDirectives(t);
    assert.equal(s.isSuppressed('refused', 'x', at(t, 'refused')), true);
    assert.equal(s.isSuppressed('police', 'x', at(t, 'police')), true);
    assert.equal(s.isSuppressed('other', 'x', 0), true);
    assert.equal(s.isSuppressed('unlisted', 'x', 0), false);
    assert.equal(s.isSuppressed('refused', 'x', at(t, 'refused', 2)), false);
  });

  it('disable ... enable is a region; without enable it runs to the end', () => {
    const t =
      'refused 1\n<!-- carelint-disable refused -->\nrefused 2\n<!-- carelint-enable refused -->\nrefused 3\n<!-- carelint-disable -->\nrefused 4 police';
    const s = parseDirectives(t);
    assert.equal(s.count, 3);
    assert.deepEqual(
      [0, 2, 4, 5].map((n) => s.isSuppressed('refused', 'c', at(t, 'refused', n))),
      [false, true, false, true],
    );
    assert.equal(s.isSuppressed('police', 'c', at(t, 'police')), true);
    assert.equal(s.isSuppressed('police', 'c', at(t, 'refused', 2)), false);
  });

  it('disable all then enable one rule keeps the others off', () => {
    const t = '/* carelint-disable */ a /* carelint-enable refused */ b';
    const s = parseDirectives(t);
    assert.equal(s.isSuppressed('refused', 'c', at(t, ' b')), false);
    assert.equal(s.isSuppressed('police', 'c', at(t, ' b')), true);
    assert.equal(s.isSuppressed('refused', 'c', at(t, ' a')), true);
  });

  it('a category id suppresses every rule of the category', () => {
    const t = '{# carelint-disable-next-line punitive-approach #}\nAccess withdrawn.';
    const s = parseDirectives(t);
    assert.equal(s.isSuppressed('access-withdrawn', 'punitive-approach', at(t, 'Access')), true);
    assert.equal(s.isSuppressed('refused', 'stigmatizing-language', at(t, 'Access')), false);
  });

  it('no ids means every rule', () => {
    const t = '{{!-- carelint-disable-next-line --}}\nanything';
    const s = parseDirectives(t);
    assert.equal(s.isSuppressed('any-rule', 'any-category', at(t, 'anything')), true);
    assert.equal(s.isSuppressed('any-rule', 'any-category', 0), false);
  });

  it('reads a free-text reason after "--" and stops ids at the comment closer', () => {
    const t = '<!-- carelint-disable-next-line refused -- police said "refused" -->\nShe refused, police came.';
    const [d] = findDirectives(t);
    assert.deepEqual(d.ids, ['refused']);
    assert.equal(d.reason, 'police said "refused"');
    const s = parseDirectives(t);
    assert.equal(s.isSuppressed('police', 'x', at(t, 'police', 1)), false);
    assert.deepEqual(findDirectives('<!--carelint-disable-line refused-->')[0].ids, ['refused']);
    assert.deepEqual(findDirectives('/* carelint-disable police*/')[0].ids, ['police']);
    assert.deepEqual(findDirectives('{# carelint-disable-line a #} b c')[0].ids, ['a']);
    assert.equal(
      findDirectives('% carelint-disable a – Word turned the dashes into an en dash')[0].reason,
      'Word turned the dashes into an en dash',
    );
  });

  it('ignores mentions that are not in a comment or at a line start', () => {
    assert.equal(parseDirectives('We add carelint-disable-line to notes.').count, 0);
    assert.equal(parseDirectives('x;carelint-disable-line').count, 0);
    assert.equal(parseDirectives('// mycarelint-disable-line').count, 0);
    assert.equal(parseDirectives('// carelint-disabled').count, 0);
    assert.equal(parseDirectives('  carelint-disable-line').count, 1);
  });

  it('handles CR-only line ends, a multi-line comment and a capitalised keyword', () => {
    const cr = 'a\r// carelint-disable-next-line refused\rrefused\rrefused';
    const s1 = parseDirectives(cr);
    assert.equal(s1.isSuppressed('refused', 'x', at(cr, 'refused', 1)), true);
    assert.equal(s1.isSuppressed('refused', 'x', at(cr, 'refused', 2)), false);
    const ml = '<!--\ncarelint-disable-next-line refused\n-->\n\nShe refused.';
    assert.equal(parseDirectives(ml).isSuppressed('refused', 'x', at(ml, 'refused', 1)), true);
    const word = 'Carelint-disable-next-line Refused\nShe refused.';
    assert.equal(parseDirectives(word).isSuppressed('refused', 'x', at(word, 'refused')), true);
  });

  it('a next-line directive on the last line suppresses nothing', () => {
    const t = 'She refused.\n// carelint-disable-next-line';
    const s = parseDirectives(t);
    assert.equal(s.count, 1);
    assert.equal(s.isSuppressed('refused', 'x', at(t, 'refused')), false);
    assert.equal(s.isSuppressed('refused', 'x', t.length), false);
  });

  it('the fixtures parse as written', () => {
    const md = fixture('care-plan.md');
    const s = parseDirectives(md);
    assert.equal(s.count, 1);
    assert.equal(s.isSuppressed('refused', 'x', at(md, 'she refused')), true);
    assert.equal(s.isSuppressed('refused', 'x', at(md, 'Crisis plan')), false);
    const html = fixture('letter.html');
    assert.equal(parseDirectives(html).isSuppressed('police', 'x', at(html, 'Care plan')), true);
    const txt = fixture('note.txt');
    const st = parseDirectives(txt);
    assert.equal(st.count, 2);
    assert.equal(st.isSuppressed('refused', 'x', at(txt, 'She said')), true);
    assert.equal(st.isSuppressed('anything', 'x', at(txt, 'carelint-disable-line')), true);
    assert.equal(st.isSuppressed('refused', 'x', at(txt, 'Mental')), false);
  });
});

describe('formats: directiveComment', () => {
  const d = 'carelint-disable-next-line refused';
  const cases: Array<[string, string]> = [
    ['markdown', `<!-- ${d} -->`],
    ['html', `<!-- ${d} -->`],
    ['xml', `<!-- ${d} -->`],
    ['handlebars', `{{!-- ${d} --}}`],
    ['jinja', `{# ${d} #}`],
    ['jinja-html', `{# ${d} #}`],
    ['django-html', `{# ${d} #}`],
    ['nunjucks', `{# ${d} #}`],
    ['plaintext', d],
    ['latex', `% ${d}`],
    ['yaml', `# ${d}`],
    ['python', `# ${d}`],
    ['shellscript', `# ${d}`],
    ['javascript', `// ${d}`],
    ['typescript', `// ${d}`],
    ['c', `// ${d}`],
    ['css', `/* ${d} */`],
    ['sql', `-- ${d}`],
    ['some-unknown-language', d],
  ];
  for (const [lang, expected] of cases) {
    it(lang, () => assert.equal(directiveComment(lang, d), expected));
  }

  it('indents, and every generated comment parses back and is hidden by the mask', () => {
    assert.equal(directiveComment('markdown', d, '    '), `    <!-- ${d} -->`);
    for (const [lang] of cases) {
      const text = `${directiveComment(lang, d, '  ')}\nShe refused.`;
      const s = parseDirectives(text);
      assert.equal(s.count, 1, lang);
      assert.equal(s.isSuppressed('refused', 'x', text.indexOf('refused', text.indexOf('She'))), true, lang);
      for (const format of FORMATS)
        assert.deepEqual(visibleWords(maskNonProse(text, format)), ['She', 'refused'], `${lang} ${format}`);
    }
  });
});
