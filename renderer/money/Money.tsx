import { moneyWithExact } from '../../shared/billing/money-brief';

/** An amount in cents (or two significant digits below a cent), with the exact figure on hover. */
export function Money({ micros }: { micros: number }) {
  const { text, exact } = moneyWithExact(micros);
  return (
    <span className="money" title={exact !== text ? exact : undefined}>
      {text}
    </span>
  );
}
