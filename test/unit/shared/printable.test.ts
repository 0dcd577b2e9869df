import { describe, expect, it } from 'vitest';
import { inertJson, inertStrings, printable } from '../../../src/shared/printable';

describe('printable text for the terminal', () => {
  it('removes colour (CSI) sequences and the bell, keeping the words', () => {
    expect(printable('\x1b[31mRed\x1b[0m\x07')).toBe('Red');
  });

  it('removes an OSC sequence such as a window title or a hyperlink, with either terminator', () => {
    expect(printable('a\x1b]0;pwned\x07b')).toBe('ab');
    expect(printable('\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\')).toBe('click');
  });

  it('removes C1 controls, including the one-byte CSI, and DEL', () => {
    expect(printable('x\x9b2Jy\x85z\x7f')).toBe('xyz');
  });

  it('removes other C0 controls, turns a tab into a space and a line feed into a space on one line', () => {
    expect(printable('a\x00b\rc\x08d\te\nf')).toBe('abcd e f');
  });

  it('keeps line feeds in multi-line output', () => {
    expect(printable('one\ntwo\x1b[2K', { multiline: true })).toBe('one\ntwo');
  });

  it('removes bidi embeddings, overrides and isolates that would reorder what a person reads', () => {
    expect(printable('Contoso\u202eexe.txt\u202c \u2066x\u2069')).toBe('Contosoexe.txt x');
  });

  it('removes the left-to-right, right-to-left and Arabic letter marks, so "Proseware \\u202Egnp.exe" reads as it is stored', () => {
    expect(printable('Proseware \u202egnp.exe')).toBe('Proseware gnp.exe');
    expect(printable('a\u200eb\u200fc\u061cd')).toBe('abcd');
  });

  it('folds the Unicode line and paragraph separators into spaces, in multi-line output too', () => {
    expect(printable('Woodgrove\u2028Contoso Ltd: done\u2029x')).toBe('Woodgrove Contoso Ltd: done x');
    expect(printable('a\u2028b\nc', { multiline: true })).toBe('a b\nc');
  });

  it('escapes in JSON what JSON.stringify leaves raw (C1 controls, DEL, bidi controls, line separators), the value unchanged', () => {
    const name = 'x\x9b2J\x7f\u202egnp.exe\u2028\u2066y\x1b]52;c;eA==\x07';
    const json = inertJson(JSON.stringify({ name }));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028]/);
    expect(json).toContain('\\u009b2J\\u007f\\u202egnp.exe\\u2028\\u2066y');
    expect((JSON.parse(json) as { name: string }).name).toBe(name);
  });

  it('makes every string of an answer printable, keeping its shape, numbers, nulls and line feeds', () => {
    const answer = { ok: true, value: [{ displayName: 'Proseware \u202egnp.exe', count: 2, label: null, note: 'one\ntwo\x07', tags: ['\x1b[31mRed'] }] };
    expect(inertStrings(answer)).toEqual({ ok: true, value: [{ displayName: 'Proseware gnp.exe', count: 2, label: null, note: 'one\ntwo', tags: ['Red'] }] });
  });

  it('leaves ordinary names alone, accents and other scripts included', () => {
    for (const name of ['Contoso Ltd', 'Société Générale', '株式会社', 'شركة كونتوسو', 'חברת קונטוסו', '=SUM(A1)', 'O\'Brien & Co — ünïcode', '👩‍💻 Team']) expect(printable(name)).toBe(name);
  });
});
