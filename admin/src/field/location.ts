import { gql } from '@apollo/client';
import { useEffect, useState } from 'react';
import { apolloClient } from '../apollo';
import { currentPosition, type Position } from './position';
import type { FieldGrid } from './snapshot';

export interface GridSuggestion {
  grid: FieldGrid;
  basis: 'BOUNDARY' | 'CENTROID' | 'NEARBY_RECORD';
  distanceMeters: number | null;
}

const SUGGEST = gql`
  query GridSuggestions($location: GeoPointInput!) {
    gridSuggestions(location: $location, first: 3) { grid { id name code } basis distanceMeters }
  }
`;

/** The grids the API finds at this point (boundary, nearest centre or nearest records); none offline. */
export async function suggestGrids(position: Position): Promise<GridSuggestion[]> {
  try {
    const { data } = await apolloClient.query<{ gridSuggestions: GridSuggestion[] }>({ query: SUGGEST, variables: { location: { lng: position.lng, lat: position.lat } } });
    return data.gridSuggestions;
  } catch {
    return [];
  }
}

export type Locating = { state: 'locating' } | { state: 'found'; position: Position } | { state: 'none' };

/** Asks the phone where it is as soon as the screen opens; `again` asks once more. */
export function usePosition(): { locating: Locating; again: () => void } {
  const [locating, setLocating] = useState<Locating>({ state: 'locating' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLocating({ state: 'locating' });
    void currentPosition().then((position) => live && setLocating(position ? { state: 'found', position } : { state: 'none' }));
    return () => {
      live = false;
    };
  }, [round]);
  return { locating, again: () => setRound((r) => r + 1) };
}
