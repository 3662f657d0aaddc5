const NUMBERS = 100_000_000;
// Odd and not a multiple of 5, so coprime with 10^8: multiplying by it permutes 8-digit numbers.
const SPREAD = 48_271_957;

/**
 * A caller's number like a Chinese mobile number (+86 138 xxxx xxxx). Distinct (day, index)
 * pairs get distinct numbers for 1,000 days, so two callers never collide into a fake repeat.
 */
export function customerNumber(seed: number, dayKey: string, index: number): string {
  const dayNumber = Date.parse(`${dayKey}T00:00:00Z`) / 86_400_000;
  const plain = ((dayNumber % 1000) * 100_000 + index) % NUMBERS;
  const offset = (seed * 7_919) % NUMBERS;
  const permuted = (plain * SPREAD + offset) % NUMBERS;
  return `+86138${String(permuted).padStart(8, '0')}`;
}
