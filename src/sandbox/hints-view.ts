// The hints list and the solution offer: shows the hints revealed so far, the "show a hint" button's state,
// and the solution box once the learner has earned it (saved-work.ts decides when).
import type { SandboxTranslate } from '../i18n/sandbox-strings.ts';
import { canShowSolution, type SavedWork } from './saved-work.ts';
import { part, type SandboxParts } from './sandbox-parts.ts';

export function renderHints(parts: SandboxParts, work: SavedWork, hints: readonly string[], t: SandboxTranslate): void {
  const { hintList, hintButton, solutionBox, solutionButton, ownCodeButton } = parts;
  hintList.replaceChildren(...hints.slice(0, work.hintsShown).map((hint, i) => {
    const item = document.createElement('li');
    const label = document.createElement('strong');
    label.textContent = `${t('hints.item', { n: i + 1 })}: `;
    item.append(label, document.createTextNode(hint));
    return item;
  }));
  if (hints.length === 0) {
    hintButton.hidden = true;
    hintList.replaceChildren(Object.assign(document.createElement('li'), { textContent: t('hints.none') }));
  } else {
    hintButton.disabled = work.hintsShown >= hints.length;
    hintButton.textContent = hintButton.disabled ? t('hints.noMore') : t('hints.show', { shown: work.hintsShown, total: hints.length });
  }
  const showingSolution = work.ownFiles !== undefined;
  solutionBox.hidden = !canShowSolution(work, hints.length) && !showingSolution;
  solutionButton.hidden = showingSolution;
  ownCodeButton.hidden = !showingSolution;
  part(solutionBox, '[data-role="solution-note"]').textContent = t(showingSolution ? 'solution.showing' : 'solution.offer');
}
