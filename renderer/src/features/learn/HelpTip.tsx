import { Popover } from 'radix-ui';
import { GLOSSARY, type GlossaryKey } from './glossary.js';
import './learn.css';

/**
 * A small "?" next to a term (PK, SK, GSI, LSI, projection, sparse index, RCU/WCU): a button named
 * "What is <term>?" that opens a short explanation, by keyboard or pointer; Escape closes it.
 */
export function HelpTip({ term }: { term: GlossaryKey }) {
  const entry = GLOSSARY[term];
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="help-tip" aria-label={`What is ${entry.term}?`}>
          ?
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="help-tip-content" side="bottom" align="start" sideOffset={6} collisionPadding={12}>
          <strong>{entry.term}</strong>
          <p>{entry.text}</p>
          <Popover.Arrow className="help-tip-arrow" />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
