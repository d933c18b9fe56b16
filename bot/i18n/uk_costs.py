"""Ukrainian texts of cost uploads (``/costs``)."""

TEXTS: dict[str, str] = {
    "costs.intro": (
        "💸 <b>Завантаження витрат</b>\n"
        "Надішліть CSV-файл (📎 → Файл): дата або період, кампанія (id або точна назва), "
        "витрати і, за потреби, валюта та колонка sub_id / source / creative_id / "
        "ad_campaign_id / keyword, щоб розподілити витрати за ними. Вивантаження з Excel і "
        "Google Таблиць підходять як є (<code>,</code> <code>;</code> або табуляція, UTF-8 або "
        "Windows-1251, <code>12,50</code> або <code>12.50</code>, заголовки англійською або "
        "російською).\n"
        "<pre>date;campaign;sub_id_1;cost;currency\n"
        "01.11.2026;FB | DE | Offer A;;125,40;USD\n"
        "01.11.2026 - 07.11.2026;12;adset-7;80;USD</pre>\n"
        "День — це 00:00–23:59 у вашому часовому поясі ({timezone}). Повторне завантаження "
        "того самого файлу замінює витрати, а не додає їх.\n"
        "Немає колонки з кампанією? Надішліть файл із підписом <code>/costs &lt;id кампанії&gt;"
        "</code>."
    ),
    "costs.campaign_chosen": "Рядки без кампанії підуть у <b>{name}</b> (#{id}).",
    "costs.campaign_unknown": "🔍 У вас немає кампанії «{value}». Вкажіть id або точну назву.",
    "costs.no_tracker": "Спершу підключіть трекер: /connect",
    "costs.not_document": "Надішліть CSV файлом (📎 → Файл) або /cancel.",
    "costs.nothing_pending": "Цей попередній перегляд застарів: надішліть файл ще раз.",
    "costs.tracker_changed": (
        "Активний трекер змінився після попереднього перегляду: надішліть файл ще раз."
    ),
    # попередній перегляд
    "costs.preview.head": "📄 <b>{file}</b>: до надсилання {rows:p:рядок|рядки|рядків}",
    "costs.preview.columns": "<b>Колонки</b>",
    "costs.preview.column": "• {header} → {role}",
    "costs.preview.ignored": "Не враховуються: {names}",
    "costs.preview.campaigns": "<b>Витрати за кампаніями</b> ({timezone})",
    "costs.preview.campaign": "• {name} (#{id}): {amount}",
    "costs.preview.more_campaigns": "…і ще {count:p:кампанія|кампанії|кампаній}",
    "costs.preview.total": "<b>Разом: {amount}</b>",
    "costs.preview.currency_asked": (
        "💱 У файлі немає колонки валюти: витрати рахуються в <b>{currency}</b>. "
        "Натисніть іншу валюту або напишіть її код."
    ),
    "costs.preview.skipped": "⚠️ <b>Пропущено: {count:p:рядок|рядки|рядків}</b>",
    "costs.preview.skipped_line": "• рядок {line}: {reason}",
    "costs.preview.more_skipped": "…і ще {count}",
    "costs.preview.replaces": (
        "Надсилання замінить витрати цих кампаній за ці періоди; повторне надсилання їх не "
        "подвоїть."
    ),
    "costs.role.when": "дата / період",
    "costs.role.start": "початок",
    "costs.role.end": "кінець",
    "costs.role.campaign": "кампанія",
    "costs.role.cost": "витрати",
    "costs.role.currency": "валюта",
    "costs.role.filter": "фільтр {key}",
    # чому рядок пропущено
    "costs.skip.bad_date": "«{value}» — не дата й не період",
    "costs.skip.unknown_campaign": "невідома кампанія «{value}»",
    "costs.skip.ambiguous_campaign": "кампаній із назвою «{value}» кілька: вкажіть id",
    "costs.skip.no_campaign": "немає кампанії",
    "costs.skip.no_cost": "немає витрат",
    "costs.skip.bad_cost": "витрати «{value}» — не сума",
    "costs.skip.bad_currency": "«{value}» — не код валюти",
    "costs.skip.totals": "рядок підсумків",
    # чому файл не прийнято
    "costs.error.not_csv": (
        "❌ Це не CSV-файл. Збережіть таблицю як CSV (Файл → Зберегти як / Завантажити → "
        "CSV) і надішліть його."
    ),
    "costs.error.empty": "❌ Файл порожній.",
    "costs.error.no_rows": "❌ У файлі є заголовок, але немає рядків.",
    "costs.error.too_many_rows": (
        "❌ У файлі понад {limit:p:рядок|рядки|рядків}: розбийте його на частини."
    ),
    "costs.error.too_big": "❌ Файл більший за {limit} МБ: розбийте його на частини.",
    "costs.error.download": "❌ Не вдалося завантажити файл із Telegram. Надішліть його ще раз.",
    "costs.error.no_cost_column": (
        "❌ Не знайшов колонки витрат (cost, spend, расход, сумма). Колонки файлу: {columns}"
    ),
    "costs.error.no_date_column": (
        "❌ Не знайшов колонки дати (date, day, period, start/end, дата). Колонки файлу: {columns}"
    ),
    "costs.error.no_campaign": (
        "❌ У файлі немає колонки кампанії. Додайте її (id або точна назва) або надішліть "
        "файл із підписом <code>/costs &lt;id кампанії&gt;</code>."
    ),
    "costs.error.all_bad": "❌ Жоден рядок файлу не можна використати:",
    "costs.error.footer": "Нічого не надіслано. Виправте файл і надішліть знову або /cancel.",
    # надсилання
    "costs.progress": "⏳ Надсилаю витрати, кампанії: {done}/{total}…",
    "costs.done": "✅ Витрати оновлено: {campaigns:p:кампанія|кампанії|кампаній}, {amount}.",
    "costs.resumed": (
        "↩️ Продовжено з місця, де зупинилося. Надіслано раніше: {earlier} з "
        "{total:p:кампанії|кампаній|кампаній}; повторно нічого не надіслано."
    ),
    "costs.if_stopped": (
        "<i>Якщо лічильник завмер (бот перезапускався), натисніть «Продовжити»: надіслане "
        "повторно не піде.</i>"
    ),
    "costs.b.continue": "▶️ Продовжити",
    "costs.failed": (
        "❌ Витрати кампанії {name} (#{id}) не прийнято.\n{reason}\n"
        "До неї надіслано кампаній: {done} з {total}. Натисніть «Надіслати», щоб повторити: "
        "повторне надсилання замінює витрати, а не подвоює їх."
    ),
    "b.costs_send": "✅ Надіслати",
}
