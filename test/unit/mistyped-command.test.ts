import { describe, expect, it } from 'vitest';
import { mistypedCommand } from '../../src/cli/mistyped-command.js';

const commands = ['build', 'templates', 'eject', 'serve', 'dev'];

describe('telling a mistyped command from a path', () => {
  it('suggests the command one or two edits away, swapped letters included', () => {
    expect(mistypedCommand('biuld', commands)).toBe('build');
    expect(mistypedCommand('serv', commands)).toBe('serve');
    expect(mistypedCommand('templats', commands)).toBe('templates');
    expect(mistypedCommand('Eject', commands)).toBe('eject');
  });

  it('leaves alone commands as typed, paths that exist, words far from any command, and anything with a dot or slash', () => {
    expect(mistypedCommand('build', commands)).toBeUndefined();
    expect(mistypedCommand('test', commands)).toBeUndefined();
    expect(mistypedCommand('drafts', commands)).toBeUndefined();
    expect(mistypedCommand('bulid.md', commands)).toBeUndefined();
    expect(mistypedCommand('src', ['src'])).toBeUndefined();
    expect(mistypedCommand('src', ['sr'])).toBeUndefined();
    expect(mistypedCommand(undefined, commands)).toBeUndefined();
  });
});
