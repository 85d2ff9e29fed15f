// What a student reads when joining or handing in goes wrong: the page's own sentence in the page's language,
// picked by the class server's HTTP status (the server's English sentence only for the unforeseen).
import { describe, expect, it } from 'vitest';
import { ClassApiError, NoClassServerError } from '../../src/classroom/class-api.ts';
import { joinFailure } from '../../src/classroom/join-form.ts';
import { classStrings } from '../../src/i18n/class-strings.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { translator } from '../../src/i18n/translate.ts';
import { handInFailure } from '../../src/sandbox/hand-in.ts';

describe('join and hand-in failures', () => {
  it('say "no class server" on a host without one, in each language', () => {
    expect(joinFailure(translator(classStrings, 'en'), new NoClassServerError(404), 'AB3K7Q', 'Ana'))
      .toEqual({ text: 'This copy of the course has no class server: open the link your teacher gave you.', noServer: true });
    expect(joinFailure(translator(classStrings, 'es'), new NoClassServerError(404), 'AB3K7Q', 'Ana').text).toContain('no tiene servidor de clases');
    expect(joinFailure(translator(classStrings, 'pt-br'), new NoClassServerError(404), 'AB3K7Q', 'Ana').text).toContain('não tem servidor de turmas');
  });

  it('name the code or the name that was wrong', () => {
    const t = translator(classStrings, 'pt-br');
    expect(joinFailure(t, new ClassApiError(404, 'not-found', 'No class AB3K7Q'), 'AB3K7Q', 'Ana').text).toBe('Nenhuma turma tem o código AB3K7Q. Confira o código que seu professor passou.');
    expect(joinFailure(t, new ClassApiError(409, 'name-taken', 'taken'), 'AB3K7Q', 'Ana').text).toContain('o nome Ana');
    expect(joinFailure(t, new TypeError('Failed to fetch'), 'AB3K7Q', 'Ana').text).toContain('(Failed to fetch)');
  });

  it('tell a student what to do when a hand-in is refused', () => {
    const t = translator(sandboxStrings, 'es');
    expect(handInFailure(t, new ClassApiError(401, 'bad-token', 'x'))).toContain('vuelve a unirte');
    expect(handInFailure(t, new ClassApiError(413, 'too-large', 'launch.ts is 30 MB, the limit is 256 KB'))).toContain('demasiado grande');
    expect(handInFailure(t, new ClassApiError(429, 'rate', 'x'))).toContain('Espera un minuto');
    expect(handInFailure(t, new ClassApiError(400, 'bad-file', 'launch.ts is a binary file'))).toBe('El servidor de la clase no aceptó esta entrega: launch.ts is a binary file');
  });
});
