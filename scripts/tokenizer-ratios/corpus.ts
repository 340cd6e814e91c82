// The texts the per-family token ratios (shared/billing/tokenizer-ratios.ts) were measured on: written for Parley,
// in the mix a chatroom sees (prose, code, maths, data, other languages), each kind about as long as the others.

export const RATIO_CORPUS: Record<string, string> = {
  prose: `I have been thinking about how to plan the garden this spring. Last year the tomatoes did well along the south
wall, but the beans never climbed the trellis, and the lettuce bolted by June. This time I want to start the seeds
indoors in March, move them out after the last frost, and water early in the morning instead of at night. Could you
suggest a simple rotation for four beds, so that nothing grows in the same place two years running? I would also
like to know which flowers keep aphids away without attracting too many wasps, and whether coffee grounds really
help the soil or only make it more acidic. We have a small compost heap, a rain barrel, and about two hours a week.`,
  chat: `hey! quick q — is it ok to leave my laptop plugged in all the time or does that wreck the battery? also my
phone gets super hot when I charge it overnight, should I worry?? thx :) oh and one more thing, what's the best way
to clean a keyboard without taking the keys off? mine's got crumbs everywhere lol`,
  analysis: `Revenue grew 14% year over year to $8.2 billion, while operating margin fell from 21.3% to 18.9%. The
decline is explained mostly by a 37% rise in cloud infrastructure spending and a one-off restructuring charge of
$310 million in the third quarter. Excluding that charge, margin would have been 22.7%. Customer churn dropped to
2.1% per month, and average revenue per user rose by $3.40. The main risks are currency exposure in Europe (about
28% of sales) and the dependence on two suppliers for 60% of components. Compare these figures with the previous
two years and tell me whether the growth looks sustainable.`,
  python: `import csv
from collections import defaultdict
from datetime import datetime


def monthly_totals(path: str) -> dict[str, float]:
    """Sum the amount column of a CSV export by month (YYYY-MM)."""
    totals: dict[str, float] = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            when = datetime.strptime(row["date"], "%Y-%m-%d")
            totals[when.strftime("%Y-%m")] += float(row["amount"])
    return dict(sorted(totals.items()))


if __name__ == "__main__":
    for month, total in monthly_totals("export.csv").items():
        print(f"{month}: {total:10.2f}")`,
  typescript: `export interface Order {
  id: string;
  items: { sku: string; quantity: number; unitPriceCents: number }[];
  placedAt: Date;
}

export function orderTotalCents(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}

export async function fetchOrders(baseUrl: string, signal?: AbortSignal): Promise<Order[]> {
  const res = await fetch(\`\${baseUrl}/orders?limit=100\`, { signal });
  if (!res.ok) throw new Error(\`orders: HTTP \${res.status}\`);
  const body = (await res.json()) as { orders: (Omit<Order, 'placedAt'> & { placedAt: string })[] };
  return body.orders.map((o) => ({ ...o, placedAt: new Date(o.placedAt) }));
}`,
  json: `{"user":{"id":48213,"name":"Ada Lovelace","email":"ada@example.org","roles":["admin","editor"],
"preferences":{"theme":"dark","language":"en-GB","notifications":{"email":true,"push":false}}},
"items":[{"sku":"KB-104","qty":2,"price":49.99},{"sku":"MS-220","qty":1,"price":19.5},
{"sku":"HD-001","qty":1,"price":129.0}],"createdAt":"2026-03-14T09:26:53Z","status":"paid"}`,
  maths: `Let $f(x) = x^3 - 6x^2 + 11x - 6$. Show that $f(x) = (x-1)(x-2)(x-3)$ and compute
$\\int_0^4 f(x)\\,dx$. Then solve the system $2x + 3y - z = 5$, $x - y + 2z = 3$, $3x + y + z = 10$, and prove that
for every integer $n \\ge 1$, $\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6}$ by induction. Finally, find the
eigenvalues of $A = \\begin{pmatrix} 2 & 1 \\\\ 1 & 2 \\end{pmatrix}$.`,
  french: `Bonjour ! Pourriez-vous m'aider à rédiger une lettre de motivation pour un poste de chargé de projet dans
une association culturelle ? J'ai travaillé cinq ans dans l'édition, j'ai organisé des festivals de lecture et je
parle couramment l'anglais et l'espagnol. Je voudrais un ton chaleureux mais professionnel, et une longueur d'une
page au maximum. Merci d'avance pour vos conseils.`,
  german: `Könnten Sie mir bitte erklären, wie die Mülltrennung in Deutschland funktioniert? Ich bin gerade
umgezogen und verstehe nicht, was in die gelbe Tonne gehört und was in den Restmüll. Außerdem würde ich gerne
wissen, ob man Pfandflaschen in jedem Supermarkt zurückgeben kann und wie hoch das Pfand für Glasflaschen ist.`,
  spanish: `Estoy preparando un viaje de dos semanas por Perú en julio. Quiero visitar Lima, Cusco, el Valle
Sagrado y Machu Picchu, y si es posible el lago Titicaca. ¿Qué itinerario me recomiendas para acostumbrarme a la
altitud? ¿Hace falta reservar las entradas con mucha antelación? Viajo con mi hermana y nos gusta caminar.`,
  chinese: `请帮我把下面这段话翻译成英文，并解释其中的成语：学习就像逆水行舟，不进则退。我们每天都要坚持读书，
遇到困难不要半途而废。只要功夫深，铁杵磨成针。另外，请告诉我“画蛇添足”和“守株待兔”分别是什么意思，各举一个例子。`,
  japanese: `来月、京都に三日間旅行する予定です。お寺や神社を中心に回りたいのですが、混雑を避けるにはどの時間帯が
いいでしょうか。また、嵐山と伏見稲荷はどちらを先に訪れるべきですか。おすすめの和菓子屋さんも教えてください。`,
  russian: `Объясните, пожалуйста, разницу между совершенным и несовершенным видом глагола в русском языке.
Когда нужно говорить «я читал книгу», а когда «я прочитал книгу»? Приведите несколько примеров из повседневной
жизни и расскажите, как запомнить основные правила образования пар глаголов.`,
};
