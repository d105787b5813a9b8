import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { shortcutLabel, useCommand, useCommands } from '../state/commands.js';

const GROUP_ORDER = ['File', 'Edit', 'Go', 'View'];

/** Ctrl+K / Ctrl+Shift+P: every registered command, searchable by title, with its shortcut. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const commands = useCommands();
  useCommand({
    id: 'palette.open',
    title: 'Show all commands',
    group: 'View',
    shortcut: 'Mod+K',
    whileTyping: true,
    run: () => setOpen((was) => !was),
  });
  useCommand({
    id: 'palette.open-alt',
    title: 'Show all commands (alternative shortcut)',
    group: 'View',
    shortcut: 'Mod+Shift+P',
    whileTyping: true,
    run: () => setOpen(true),
  });
  const visible = commands.filter((c) => c.enabled !== false && c.id !== 'palette.open-alt');
  const groups = [...new Set(visible.map((c) => c.group ?? 'Other'))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const run = (id: string): void => {
    setOpen(false);
    // Run after the dialog closed and gave the focus back, so a command that moves the focus keeps it.
    requestAnimationFrame(() => visible.find((c) => c.id === id)?.run());
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette-overlay" />
        <Dialog.Content className="palette" aria-describedby={undefined}>
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <Command label="Commands" loop>
            <Command.Input placeholder="Type a command…" aria-label="Command" />
            <Command.List>
              <Command.Empty>No command matches.</Command.Empty>
              {groups.map((group) => (
                <Command.Group key={group} heading={group}>
                  {visible
                    .filter((c) => (c.group ?? 'Other') === group)
                    .map((c) => (
                      <Command.Item key={c.id} value={`${c.title} ${c.id}`} onSelect={() => run(c.id)}>
                        <span>{c.title}</span>
                        {c.shortcut && <kbd>{shortcutLabel(c.shortcut)}</kbd>}
                      </Command.Item>
                    ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function rank(group: string): number {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.length : i;
}
