import { vietnameseSortKey } from './vietnamese-sort-key';

const collator = new Intl.Collator('vi');
const byKey = (a: string, b: string) =>
  vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : vietnameseSortKey(a) > vietnameseSortKey(b) ? 1 : 0;

describe('the Vietnamese sort key', () => {
  it('orders letters the Vietnamese way: ă and â after a, đ after d, ơ after ô, ư after u', () => {
    const letters = ['ư', 'u', 'ơ', 'ô', 'o', 'đ', 'd', 'ê', 'e', 'â', 'ă', 'a', 'b'];
    expect([...letters].sort(byKey)).toEqual(['a', 'ă', 'â', 'b', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư']);
  });

  it('orders tones, then case, after the letters, as Intl.Collator("vi") does', () => {
    const words = ['ạn', 'An', 'án', 'àn', 'Àn', 'an', 'ản', 'ãn', 'anh', 'ăn', 'a n', 'a-n', 'an2', 'ân'];
    expect([...words].sort(byKey)).toEqual([...words].sort(collator.compare));
  });

  it('sorts real names exactly as the collator does, whether composed or decomposed', () => {
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
    const middle = ['Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu'];
    const given = ['An', 'Ánh', 'Bình', 'Cường', 'Cương', 'Dũng', 'Giang', 'Hà', 'Hạ', 'Hải', 'Hương', 'Khánh', 'Linh', 'Long', 'Ơn', 'Ổn'];
    const names = family.flatMap((f, i) =>
      middle.flatMap((m, j) => given.filter((_, k) => (i + j + k) % 3 === 0).map((g) => `${f} ${m} ${g}`)),
    );
    const sorted = [...names].sort(collator.compare);
    expect([...names].reverse().sort(byKey)).toEqual(sorted);
    expect(vietnameseSortKey('Nguyễn Thị Hương'.normalize('NFD'))).toBe(vietnameseSortKey('Nguyễn Thị Hương'));
  });
});
