import { Outlet, useMatches } from '@tanstack/react-router';
import { RoleGate } from './RoleGate';

/** Print pages: no menu or header, only the role check the console layout would make. */
export function PrintLayout() {
  const roles = useMatches({ select: (ms) => ms.at(-1)?.staticData.roles ?? 'any' });
  return (
    <RoleGate roles={roles}>
      <Outlet />
    </RoleGate>
  );
}

/** A print page opened in its own tab closes; one reached by navigation goes back. */
export function closePrintPage(): void {
  if (window.history.length > 1) window.history.back();
  else window.close();
}
