import { useEffect, useRef } from 'react';
import { TitlePortal } from 'react-admin';
import { usePhone } from '../field/roles';

/**
 * The page's title in the app bar. react-admin wraps it in an inline-block span, which the
 * bar's ellipsis cannot shorten: a long title (a source's full company name on a phone) was
 * clipped through a glyph. Its spans flow inline here, so it ends at a whole character with
 * "…", and the whole title is the bar's tooltip. A phone gets a smaller type.
 */
export const BarTitle = () => {
  const phone = usePhone();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    // The title arrives through a portal and changes with each page: follow it.
    const follow = () => {
      const text = bar.innerText.trim();
      if (text) bar.setAttribute('title', text);
      else bar.removeAttribute('title');
    };
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(bar, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <TitlePortal
      ref={ref}
      data-testid="page-title"
      sx={{
        flex: 1,
        minWidth: 0,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        // Room for a few whole characters before anything else in the bar gives way.
        ...(phone ? { fontSize: '1rem', minWidth: '4.5em' } : {}),
        '& span': { display: 'inline' },
      }}
    />
  );
};
