import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import HomeIcon from '@mui/icons-material/Home';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MapIcon from '@mui/icons-material/Map';
import OutboxIcon from '@mui/icons-material/Outbox';
import { Badge, BottomNavigation, BottomNavigationAction, Paper } from '@mui/material';
import { useLocation, useNavigate } from 'react-router';
import { useTranslate } from 'react-admin';
import { useOutbox } from './useOutbox';

const TABS = [
  { to: '/', label: 'gw.field.home', icon: <HomeIcon /> },
  { to: '/report', label: 'gw.field.report_short', icon: <AddAPhotoIcon /> },
  { to: '/cases', label: 'resources.cases.name', icon: <ListAltIcon /> },
  { to: '/map', label: 'gw.menu.map', icon: <MapIcon /> },
  { to: '/outbox', label: 'gw.field.outbox', icon: null },
] as const;

/** The field worker's bottom bar: within a thumb's reach, the outbox's count on its tab. */
export const FieldNav = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { waiting, failed } = useOutbox();
  const current = TABS.filter((t) => t.to === '/' ? pathname === '/' : pathname.startsWith(t.to)).map((t) => t.to)[0] ?? false;
  return (
    <Paper elevation={8} sx={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 1200, pb: 'env(safe-area-inset-bottom)' }} data-testid="field-nav">
      <BottomNavigation showLabels value={current} onChange={(_e, to: string) => navigate(to)}>
        {TABS.map((t) => (
          <BottomNavigationAction
            key={t.to}
            value={t.to}
            label={translate(t.label, { smart_count: 2 })}
            data-testid={`field-nav-${t.to.slice(1) || 'home'}`}
            icon={
              t.icon ?? (
                <Badge badgeContent={waiting + failed} color={failed ? 'error' : 'warning'}>
                  <OutboxIcon />
                </Badge>
              )
            }
            sx={{ minWidth: 0, px: 0.5 }}
          />
        ))}
      </BottomNavigation>
    </Paper>
  );
};
