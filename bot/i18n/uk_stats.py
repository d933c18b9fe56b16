"""Ukrainian texts of stats and reports."""

TEXTS: dict[str, str] = {
    "stats.clicks": "Кліки {clicks}{clicks_change} · унікальні {unique}",
    "stats.conversions": (
        "Конверсії {conversions} · ліди {leads} · продажі {sales} · відхилено {rejected}"
    ),
    "stats.money": "Дохід {revenue} · витрати {cost}",
    "stats.profit": "Прибуток {icon} {profit}{profit_change} · ROI {roi} · CR {cr} · EPC {epc}",
    "stats.best": "<b>Найбільше заробляють:</b>",
    "stats.worst": "<b>Найбільше втрачають:</b>",
    "stats.no_traffic": "Трафіку за цей період немає.",
    "stats.title": "📊 {period} · {dates}, {zone}",
    "stats.p.today": "Сьогодні",
    "stats.p.yesterday": "Вчора",
    "stats.p.7d": "7 днів",
    "stats.p.30d": "30 днів",
    "stats.p.month": "Цей місяць",
    "stats.p.custom": "Дати",
    "stats.b.chart": "📈 Графік",
    "stats.b.build": "🧮 Конструктор звіту",
    "stats.b.csv": "⬇️ CSV",
    "stats.failed": "❌ Не вдалося прочитати статистику: {reason}",
    "stats.chart_caption": (
        "{title}\nПрибуток {profit} · ROI {roi}\nДохід {revenue} · витрати {cost}"
    ),
    "stats.csv_caption": "{title}: {rows:p:рядок|рядки|рядків}",
    "stats.preset_gone": "Цього збереженого звіту більше немає; ось статистика.",
    "tz.button": "🕐 Часовий пояс",
    "tz.title": (
        "🕐 Ваш часовий пояс: <b>{zone}</b>\nЗа ним рахуються дні в статистиці, графіках і "
        "звітах. Оберіть або введіть місто, зсув чи назву: <code>Київ</code>, "
        "<code>UTC+2</code>, <code>Europe/Kyiv</code>."
    ),
    "tz.saved": "✅ Часовий пояс: <b>{zone}</b>",
    "tz.bad": (
        "Невідомий часовий пояс {zone}. Введіть місто (<code>Київ</code>), зсув "
        "(<code>UTC+2</code>) або назву на кшталт <code>Europe/Kyiv</code>."
    ),
    "rb.title": "🧮 <b>{title}</b>\n{period} · {zone} · за {group} · {metrics}",
    "rb.report": "Звіт",
    "rb.rows": "Рядки {first}–{last} з {total}",
    "rb.empty": "За цей період рядків немає.",
    "rb.total": "<b>Разом</b>: {values}",
    "rb.b.period": "📅 Період",
    "rb.b.group": "🧩 Групування",
    "rb.b.metrics": "📐 Метрики",
    "rb.b.sort": "Сортування: {by}",
    "rb.b.save": "💾 Зберегти",
    "rb.b.dates": "📆 Дати…",
    "rb.b.sub_ids": "sub_id 1–10…",
    "rb.b.back": "« Звіт",
    "rb.b.stats": "« Статистика",
    "rb.pick_period": "🧮 Період звіту:",
    "rb.pick_group": "🧩 Групування звіту:",
    "rb.pick_sub": "🧩 За яким sub_id групувати:",
    "rb.ask_dates": (
        "📆 Введіть день або перший і останній день: <code>01.12</code>, "
        "<code>01.11–07.11</code>, <code>2026-11-01 2026-11-07</code>."
    ),
    "rb.bad_dates": (
        "Не вдалося прочитати {text}. Введіть день або два, наприклад <code>01.11–07.11</code>."
    ),
    "rb.saved": "💾 Збережено як «{name}»: одне натискання на екрані /stats.",
    # після «за» в заголовку звіту
    "rb.g.campaign": "кампаніями",
    "rb.g.offer": "оферами",
    "rb.g.landing": "лендингами",
    "rb.g.stream": "потоками",
    "rb.g.ts": "джерелами",
    "rb.g.country": "країнами",
    "rb.g.device_type": "пристроями",
    "rb.g.day": "днями",
    "rb.g.hour": "годинами",
    "rb.m.default": "Основні",
    "rb.m.money": "Гроші",
    "rb.m.funnel": "Воронка",
    "rb.s.profit": "прибуток",
    "rb.s.clicks": "кліки",
    "rb.drill_hint": (
        "Натисніть номер, щоб відкрити рядок: за днями, в іншому групуванні або графіком."
    ),
    "rb.pick_metrics": (
        "📐 Оберіть набір або натискайте на показники, щоб показати чи приховати їх (до {most}):"
    ),
    "rb.m.custom": "Свої",
    "rb.metric_limit": (
        "У рядок на телефоні вміщується до {most:p:показника|показників|показників}: "
        "спершу приховайте один."
    ),
    "rb.metric_last": "Хоча б один показник лишається у звіті.",
    "rb.me.clicks": "Кліки",
    "rb.me.campaign_unique_clicks": "Уніки",
    "rb.me.conversions": "Конверсії",
    "rb.me.leads": "Ліди",
    "rb.me.sales": "Продажі",
    "rb.me.rejected": "Відхилені",
    "rb.me.revenue": "Дохід",
    "rb.me.cost": "Витрати",
    "rb.me.profit": "Прибуток",
    "rb.me.roi": "ROI",
    "rb.me.cr": "CR",
    "rb.me.epc": "EPC",
    "rb.me.cpc": "CPC",
    "rb.me.cpa": "CPA",
    "rb.me.approve": "Апрув %",
    "rb.s.conversions": "конверсії",
    "rb.s.roi": "ROI",
    "rb.where": "🔎 {filters}",
    "rb.b.filters": "🔎 Фільтри",
    "rb.b.filters_n": "🔎 Фільтри ({n})",
    "rb.b.add": "➕ {kind}",
    "rb.b.remove": "✖ {kind}",
    "rb.filters_title": (
        "🔎 <b>Фільтри</b>: звіт рахує лише кліки, що підходять під усі фільтри одразу."
    ),
    "rb.filters_none": "Поки немає: рахується весь трекер.",
    "rb.filter_line": "• {kind}: <b>{value}</b>",
    "rb.f.campaign": "Кампанія",
    "rb.f.offer": "Офер",
    "rb.f.ts": "Джерело трафіку",
    "rb.f.country": "Країна",
    "rb.f.group": "Група кампаній",
    "rb.pick": (
        "🔎 <b>{kind}</b>: на вибір {total} (сторінка {page} з "
        "{pages}). Натисніть або введіть частину назви."
    ),
    "rb.pick_none": (
        "🔎 <b>{kind}</b>: нічого не знайдено за «{text}». Введіть іншу частину назви."
    ),
    "rb.pick_gone": "Цього вже немає в трекері.",
    "rb.opened": "🔍 {kind} <b>{name}</b>\n{values}\n\nВідкрити:",
    "rb.b.by_day": "📅 За днями",
    "rb.b.by_offer": "🎁 За оферами",
    "rb.b.by_campaign": "🎯 За кампаніями",
    "rb.b.by_country": "🌍 За країнами",
    "rb.b.trend": "📈 Графік",
    "b.stats": "Статистика",
    "card.today": "Сьогодні: кліки {clicks} · конв. {conversions} · прибуток {profit} · ROI {roi}",
    "stats.connect_first": "Спершу підключіть свій трекер в особистому чаті зі мною: /start",
    "chart.revenue": "дохід",
    "chart.cost": "витрати",
    "chart.profit": "прибуток",
    "chart.roi": "ROI %",
    "chart.partial": "* сьогодні на поточний момент",
    "rb.short.clicks": "кліки",
    "rb.short.campaign_unique_clicks": "уніки",
    "rb.short.conversions": "конв",
    "rb.short.leads": "ліди",
    "rb.short.sales": "продажі",
    "rb.short.rejected": "відх",
    "rb.short.revenue": "дохід",
    "rb.short.cost": "витрати",
    "rb.short.profit": "прибуток",
    "rb.short.roi": "ROI",
    "rb.short.cr": "CR",
    "rb.short.epc": "EPC",
    "rb.short.cpc": "CPC",
    "rb.short.cpa": "CPA",
    "rb.short.approve": "апрув",
    "rb.gb.campaign": "Кампанія",
    "rb.gb.offer": "Офер",
    "rb.gb.landing": "Лендинг",
    "rb.gb.stream": "Потік",
    "rb.gb.ts": "Джерело",
    "rb.gb.country": "Країна",
    "rb.gb.device_type": "Пристрій",
    "rb.gb.day": "День",
    "rb.gb.hour": "Година",
    "rb.dates_too_long": (
        "Звіт охоплює щонайбільше {days:p:день|дні|днів}: введіть коротший період."
    ),
    "rb.b.up": "« {name}",
}
