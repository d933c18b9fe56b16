"""Українські тексти структурних редакторів (офери й частки, фільтри, постбеки)."""

TEXTS: dict[str, str] = {
    "form.example_typed": "Наприклад: <code>{example}</code>",
    "form.shares_landings": "Частки лендингів разом дають {total}%, а мають давати 100%.",
    "ed.title": "✏️ <b>{name}</b>",
    "ed.b.to_rows": "Назад до списку",
    "ed.b.remove": "🗑 Прибрати",
    "ed.b.change": "✏️ Змінити значення",
    "ed.b.split": "⚖️ Розділити порівну",
    "ed.b.pause_row": "⏸ Пауза в цьому потоці",
    "ed.b.resume_row": "▶️ Запустити в цьому потоці",
    "ed.paused_row": "(на паузі)",
    "ed.total_ok": "Разом: {total}% ✅",
    "ed.total_off": "Разом: {total}% ⚠️ має бути 100%",
    "ed.share_ask": (
        "<b>{row}</b>\nВведіть частку у відсотках або натисніть готову (залишилося {left}%)."
    ),
    "ed.bad_share": "✏️ «{value}» — це не частка: введіть цілий відсоток від 0 до 100.",
    "ed.offers.empty": "Оферів поки немає: натисніть ➕ Додати офер.",
    "ed.offers.b.add": "➕ Додати офер",
    "ed.offers.pick": "Оберіть офер або введіть його назву для пошуку чи id.",
    "ed.offers.none_left": "Усі офери трекера вже є в потоці.",
    "ed.offers.unknown": "✏️ У трекері немає офера #{id}: оберіть зі списку.",
    "ed.offers.twice": ("✏️ Офер #{id} уже є в потоці: натисніть на нього, щоб змінити частку."),
    "ed.landings.empty": "Лендингів поки немає: натисніть ➕ Додати лендинг.",
    "ed.landings.b.add": "➕ Додати лендинг",
    "ed.landings.pick": "Оберіть лендинг або введіть його назву для пошуку чи id.",
    "ed.landings.none_left": "Усі лендинги трекера вже є в потоці.",
    "ed.landings.unknown": "✏️ У трекері немає лендингу #{id}: оберіть зі списку.",
    "ed.landings.twice": (
        "✏️ Лендинг #{id} уже є в потоці: натисніть на нього, щоб змінити частку."
    ),
    "ed.filters.empty": "Фільтрів немає: потік приймає весь трафік.",
    "ed.filters.all": "Відвідувач має пройти всі фільтри.",
    "ed.filters.any": "Відвідувачеві достатньо пройти будь-який із фільтрів.",
    "ed.filters.b.add": "➕ Додати фільтр",
    "ed.filters.kind": "Що має перевіряти фільтр?",
    "ed.filters.number": "Який Sub ID?",
    "ed.filters.now": "Фільтр: <b>{rule}</b>",
    "ed.filters.row": "<b>{rule}</b>",
    "ed.filters.flag": "Яких відвідувачів приймає потік?",
    "ed.filters.b.only": "✅ Лише цих",
    "ed.filters.b.none": "🚫 Усіх, крім цих",
    "ed.filters.b.is": "🔁 Зробити «входить до»",
    "ed.filters.b.is_not": "🔁 Зробити «не входить до»",
    "ed.filters.b.save": "✅ Зберегти фільтр",
    "ed.filters.type.codes": (
        "Натисніть значення або введіть коди через кому: <code>DE, AT</code>."
    ),
    "ed.filters.type.ips": (
        "Введіть адреси або діапазони через кому: <code>1.2.3.4, 10.0.0.0/24</code>."
    ),
    "ed.filters.type.text": "Натисніть значення або введіть їх через кому.",
    "ed.filters.bad.codes": ("✏️ Це не дволітерні коди: {values}. Приклад: <code>DE, AT</code>."),
    "ed.filters.bad.ips": "✏️ Це не IP-адреса і не діапазон: {values}.",
    "ed.filters.bad.text": "✏️ Не вдалося прочитати: {values}.",
    "ed.filters.choose_first": ("✏️ Спершу натисніть ➕ Додати фільтр і оберіть, що він перевіряє."),
    "ed.postbacks.empty": ("Постбеків немає: джерело трафіку не дізнається про жодну конверсію."),
    "ed.postbacks.b.add": "➕ Додати постбек",
    "ed.postbacks.url": (
        "Надішліть postback URL джерела трафіку з його макросами, наприклад "
        "<code>https://ts.example/pb?cid={{subid}}&amp;sum={{payout}}</code>."
    ),
    "ed.postbacks.bad_url": "✏️ «{value}» — це не вебадреса (http:// або https://…).",
    "ed.postbacks.row": "<b>{line}</b>",
    "ed.postbacks.toggle": (
        "Натисніть статуси, за яких він надсилається; надішліть новий URL, щоб замінити його."
    ),
    "ed.postbacks.b.method": "Надсилати методом {method}",
    # види фільтрів потоку
    "flt.accept": "входить до",
    "flt.reject": "не входить до",
    "flt.sub_id_any": "Sub ID…",
    "flv.mobile": "мобільний",
    "flv.desktop": "комп'ютер",
    "flv.tablet": "планшет",
    "flv.wifi": "Wi-Fi",
    "flv.cellular": "мобільна мережа",
    "flt.sub_id": "Sub ID {n}",
    "flt.country": "Країна",
    "flt.device_type": "Пристрій",
    "flt.os": "ОС",
    "flt.browser": "Браузер",
    "flt.language": "Мова",
    "flt.ip": "IP",
    "flt.bot": "Боти",
    "flt.proxy": "Проксі",
    "flt.region": "Регіон",
    "flt.city": "Місто",
    "flt.isp": "Провайдер",
    "flt.connection_type": "Тип з'єднання",
    "flt.referrer": "Реферер",
    "flt.keyword": "Ключове слово",
    "flt.source": "Джерело",
    # чорний список зі звіту
    "rb.label_hint": (
        "Натисніть 🚫 і номер рядка, щоб додати його значення в чорний список кампанії."
    ),
    "bl.in_campaigns": (
        "Це значення приводило трафік у ці кампанії: додайте його в чорний список однієї з них."
    ),
    "bl.no_campaigns": "За цей період це значення не привело трафіку в жодну кампанію.",
    "bl.b.block": "🚫 У блекліст «{name}»",
    "bl.blocked": "🚫 {what} тепер у чорному списку кампанії «{campaign}».",
    "bl.unblocked": "↩️ {what} більше не в чорному списку кампанії «{campaign}».",
    # картки і списки
    "f.link": "Трекінгове посилання",
    "browse.empty_create": "{what}: поки порожньо. Натисніть ➕, щоб створити перший запис.",
    "new.campaigns": "➕ Нова кампанія",
    "new.streams": "➕ Новий потік",
    "new.offers": "➕ Новий офер",
    "new.landing_pages": "➕ Новий лендинг",
    "new.traffic_sources": "➕ Нове джерело трафіку",
    "new.affiliate_networks": "➕ Нова партнерська мережа",
    "new.domains": "➕ Новий домен",
    "new.groups": "➕ Нова група",
    "new.users": "➕ Новий користувач",
    # що зробила форма
    "form.count": "Тепер у списку {count:p:запис|записи|записів}.",
    "form.did.other": "✅ Готово.",
    "form.did.create": "✅ Створено.",
    "form.did.update": "✅ Збережено.",
    "form.did.archive": "🗄 Архівовано.",
    "form.did.restore": "♻️ Відновлено.",
    "form.did.clone": "📄 Скопійовано.",
    "form.did.delete": "🗑 Видалено.",
    "form.did.enable": "▶️ Запущено.",
    "form.did.disable": "⏸ Поставлено на паузу.",
    "form.did.set": "✅ Збережено.",
    "form.did.add": "✅ Додано.",
    "form.did.exclude": "✅ Прибрано.",
    "form.did.replace": "✅ Список замінено.",
    "form.did.clear": "🧹 Очищено.",
    "form.did.update_costs": "💸 Витрати оновлено.",
    "form.did.send": "📮 Надіслано.",
    # перевірка значень словами користувача
    "v.text": "тут потрібен текст",
    "v.whole": "потрібне ціле число, наприклад 25",
    "v.url": "потрібна вебадреса, наприклад https://example.com",
    "v.date": "потрібна дата, наприклад 2026-12-01 або 01.12.2026",
    "v.unknown_parameters": "таких параметрів трекінгу немає: {names}",
    "v.unknown_cost_filters": "витрати не можна фільтрувати за: {names}",
    "v.passwords_differ": "пароль і його підтвердження не збігаються",
    "v.range_or_limit": "оберіть період (або скільки рядків показати)",
    "v.same_thing": "{names} означають одне й те саме: заповніть лише одне з них",
    "v.other_value": "це значення тут не підходить: перевірте приклад",
    "v.json_line": "це некоректний JSON (перегляньте рядок {line})",
    # діалоги без глухих кутів
    "cv.line_no_click": (
        "✏️ Конверсія починається з id кліку (subid): "
        "<code>/conversion 3b7k2a9f1c8e sale 45 USD</code>. Без нього трекер не зрозуміє, "
        "до якого кліку вона належить: нічого не надіслано."
    ),
    "flt.only": "лише вони",
    "flt.excluded": "виключено",
    # numbers that cannot mislead, pausing the losing ones
    "stats.vs": "▲▼ порівняно з періодом: {what}",
    "stats.vs_yesterday": "вчора",
    "stats.vs_until": " до {time}",
    "digest.pause_choose": (
        "<b>⏸ Які збиткові кампанії зупинити?</b>\n{title}\n"
        "Натисніть номер, щоб позначити або зняти позначку."
    ),
    "digest.pause_week_profit": "📈 {profit} за останні 7 днів: не позначена",
    "digest.pause_small": "витрачено менше {spend}: не позначена",
    "digest.pause_rule": "Позначені: збиток при витраті від {spend}, без прибутку за 7 днів.",
    "digest.pause_none_chosen": "Нічого не позначено: спершу позначте кампанії для зупинки.",
    "list.today": "сьогодні {profit} · ROI {roi}",
    "click.b.record": "🧾 Записати конверсію",
    "click.b.status": "🔁 Змінити статус #{id}",
    "click.b.campaign": "🎯 Відкрити кампанію",
    "v.not_ips": "це не IP-адреса і не діапазон: {values}",
    # a digest: edit one setting, send now
    "digest.b.time": "🕘 {time}",
    "digest.b.days": "📅 Дні",
    "digest.b.zone": "🌍 Часовий пояс",
    "digest.edit_title": ("<b>✏️ Зміна зведення</b> · натисніть налаштування, щоб його змінити"),
    "digest.send_now": "▶️ Надіслати {number} зараз",
    "digest.send_failed": "Зведення не вдалося надіслати зараз. Спробуйте за хвилину.",
    "digest.b.tracker": "🗄 Трекер",
    "ed.labels.empty": "Значень поки немає.",
    "ed.labels.type": (
        "Надішліть значення для блекліста (sub ID, IP, джерела...) по одному в рядку або "
        "через кому; натисніть на значення, щоб перенести його у вайтліст або видалити."
    ),
    "browse.status_hint": (
        "🔁 n: надіслати цій конверсії новий статус (лід підтверджено, продаж скасовано)."
    ),
    "form.file_sent": "📎 Файл надіслано нижче ({size} байтів).",
}
