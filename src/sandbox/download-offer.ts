// Where no engine can run the tests, the sandbox offers the exercise as a zipped assignment folder.
import type { Locale } from '../i18n/locales.ts';
import { sandboxStrings } from '../i18n/sandbox-strings.ts';
import { translator } from '../i18n/translate.ts';
import { downloadFolder, downloadUrl } from './exercise-data.ts';

export function renderDownload(host: HTMLElement, locale: Locale, exercise: string): void {
  const t = translator(sandboxStrings, locale);
  const heading = document.createElement('h3');
  heading.textContent = t('download.heading');
  const link = document.createElement('a');
  link.href = downloadUrl(exercise, locale);
  const fileName = `${downloadFolder(exercise)}.zip`;
  link.download = fileName;
  link.textContent = t('download.file', { name: fileName });
  link.dataset.action = 'download';
  const note = document.createElement('p');
  note.textContent = t('download.howTo');
  host.replaceChildren(heading, link, note);
  host.hidden = false;
}
