import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const RecommendationList = lazy(() => import('./RecommendationList').then((m) => ({ default: m.RecommendationList })));

export const auditRecommendations: ResourceProps = { name: 'auditRecommendations', list: RecommendationList, icon: PlaylistAddCheckIcon };
