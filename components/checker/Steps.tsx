import type { Step } from './session';
import { useI18n } from '../i18n-context';

const STEPS = ['questions', 'verdict', 'ticket'] as const;

/** Where the claim stands: answer → verdict → ticket (the step buttons below move between them). */
export function Steps({ shown }: { shown: Step }) {
  const { t } = useI18n();
  return (
    <ol className="rg-steps-bar" data-testid="steps">
      {STEPS.map((step) => (
        <li key={step} data-step={step} aria-current={step === shown ? 'step' : undefined}>
          {t(`checker.step.${step}`)}
        </li>
      ))}
    </ol>
  );
}
