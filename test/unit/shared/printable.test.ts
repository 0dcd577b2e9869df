import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/shared/printable';

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

  it('leaves ordinary names alone, accents and other scripts included', () => {
    for (const name of ['Contoso Ltd', 'Société Générale', '株式会社', '=SUM(A1)', 'O\'Brien & Co — ünïcode']) expect(printable(name)).toBe(name);
  });
});
