import { describe, expect, it } from 'vitest';
import { theme } from '../src';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const colors = theme.colors!;
const shade = (name: string, index: number) => colors[name]![index]!;

describe('theme contrast (WCAG 2.2 AA, 4.5:1 for text)', () => {
  it.each([
    ['white on filled primary buttons', '#ffffff', shade('pwBlue', 7)],
    ['white on the header', '#ffffff', shade('pwBlue', 9)],
    ['dimmed text on white', shade('gray', 6), '#ffffff'],
    ['dimmed text on the page background', shade('gray', 6), '#f4f6f8'],
    ['error text on white', shade('red', 6), '#ffffff'],
    ['white on filled red buttons', '#ffffff', shade('red', 7)],
    ['links on white', shade('pwBlue', 7), '#ffffff'],
    ['light badge text', shade('pwBlue', 9), shade('pwBlue', 1)],
    ['light red badge text', shade('red', 9), shade('red', 1)],
    ['light orange badge text', shade('orange', 9), shade('orange', 1)],
    ['light green badge text', shade('green', 9), shade('green', 1)],
    ['light teal badge text', shade('pwTeal', 9), shade('pwTeal', 1)],
  ])('%s', (_label, foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });
});
