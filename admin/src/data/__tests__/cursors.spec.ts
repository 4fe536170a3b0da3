import { CursorBook } from '../cursors';

describe('CursorBook', () => {
  const book = new CursorBook();
  const key = book.key('cases', { status: 'REPORTED' }, { field: 'reportedAt', order: 'DESC' }, 10);

  test('page 1 starts at the beginning; later pages after the end cursor of the page before', () => {
    expect(book.startOf(key, 1)).toBeUndefined();
    expect(book.startOf(key, 2)).toBeNull();
    book.recordEnd(key, 1, 'c10');
    book.recordEnd(key, 2, 'c20');
    expect(book.startOf(key, 2)).toBe('c10');
    expect(book.startOf(key, 3)).toBe('c20');
    expect(book.lastKnown(key)).toBe(2);
  });

  test('another filter, sort or page size has its own cursors', () => {
    expect(book.startOf(book.key('cases', {}, { field: 'reportedAt', order: 'DESC' }, 10), 2)).toBeNull();
    expect(book.startOf(book.key('cases', { status: 'REPORTED' }, { field: 'reportedAt', order: 'DESC' }, 25), 2)).toBeNull();
  });

  test('a new record forgets the resource; a new sign-in forgets everything', () => {
    const other = book.key('grids', {}, {}, 10);
    book.recordEnd(other, 1, 'g10');
    book.forget('cases');
    expect(book.startOf(key, 2)).toBeNull();
    expect(book.startOf(other, 2)).toBe('g10');
    book.clear();
    expect(book.startOf(other, 2)).toBeNull();
  });
});
