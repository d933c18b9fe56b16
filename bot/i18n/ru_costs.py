"""Русские тексты загрузки расходов (``/costs``)."""

TEXTS: dict[str, str] = {
    "costs.intro": (
        "💸 <b>Загрузка расходов</b>\n"
        "Пришлите CSV-файл (📎 → Файл): дата или период, кампания (id или точное название), "
        "расход и, если нужно, валюта и колонка sub_id / source / creative_id / "
        "ad_campaign_id / keyword, чтобы разнести расход по ним. Выгрузки Excel и Google "
        "Таблиц подходят как есть (<code>,</code> <code>;</code> или табуляция, UTF-8 или "
        "Windows-1251, <code>12,50</code> или <code>12.50</code>, заголовки по-русски или "
        "по-английски).\n"
        "<pre>дата;кампания;sub_id_1;расход;валюта\n"
        "01.11.2026;FB | DE | Offer A;;125,40;USD\n"
        "01.11.2026 - 07.11.2026;12;adset-7;80;USD</pre>\n"
        "День — это 00:00–23:59 в вашем часовом поясе ({timezone}). Повторная загрузка того "
        "же файла заменяет расходы, а не складывает их.\n"
        "Нет колонки с кампанией? Пришлите файл с подписью <code>/costs &lt;id кампании&gt;"
        "</code>."
    ),
    "costs.campaign_chosen": "Строки без кампании пойдут в <b>{name}</b> (#{id}).",
    "costs.campaign_unknown": "🔍 У вас нет кампании «{value}». Укажите id или точное название.",
    "costs.no_tracker": "Сначала подключите трекер: /connect",
    "costs.not_document": "Пришлите CSV файлом (📎 → Файл) или /cancel.",
    "costs.nothing_pending": "Этот предпросмотр устарел: пришлите файл ещё раз.",
    "costs.tracker_changed": "Активный трекер сменился после предпросмотра: пришлите файл ещё раз.",
    # предпросмотр
    "costs.preview.head": "📄 <b>{file}</b>: к отправке {rows:p:строка|строки|строк}",
    "costs.preview.columns": "<b>Колонки</b>",
    "costs.preview.column": "• {header} → {role}",
    "costs.preview.ignored": "Пропущены: {names}",
    "costs.preview.campaigns": "<b>Расходы по кампаниям</b> ({timezone})",
    "costs.preview.campaign": "• {name} (#{id}): {amount}",
    "costs.preview.more_campaigns": "…и ещё {count:p:кампания|кампании|кампаний}",
    "costs.preview.total": "<b>Итого: {amount}</b>",
    "costs.preview.currency_asked": (
        "💱 В файле нет колонки валюты: расходы считаются в <b>{currency}</b>. "
        "Нажмите другую валюту или напишите её код."
    ),
    "costs.preview.skipped": "⚠️ <b>Пропущено: {count:p:строка|строки|строк}</b>",
    "costs.preview.skipped_line": "• строка {line}: {reason}",
    "costs.preview.more_skipped": "…и ещё {count}",
    "costs.preview.replaces": (
        "Отправка заменит расходы этих кампаний за эти периоды; повторная отправка их не удвоит."
    ),
    "costs.role.when": "дата / период",
    "costs.role.start": "начало",
    "costs.role.end": "конец",
    "costs.role.campaign": "кампания",
    "costs.role.cost": "расход",
    "costs.role.currency": "валюта",
    "costs.role.filter": "фильтр {key}",
    # почему строка пропущена
    "costs.skip.bad_date": "«{value}» — не дата и не период",
    "costs.skip.unknown_campaign": "неизвестная кампания «{value}»",
    "costs.skip.ambiguous_campaign": "кампаний с названием «{value}» несколько: укажите id",
    "costs.skip.no_campaign": "нет кампании",
    "costs.skip.no_cost": "нет расхода",
    "costs.skip.bad_cost": "расход «{value}» — не сумма",
    "costs.skip.bad_currency": "«{value}» — не код валюты",
    "costs.skip.totals": "строка итогов",
    # почему файл не принят
    "costs.error.not_csv": (
        "❌ Это не CSV-файл. Сохраните таблицу как CSV (Файл → Сохранить как / Скачать → "
        "CSV) и пришлите его."
    ),
    "costs.error.empty": "❌ Файл пустой.",
    "costs.error.no_rows": "❌ В файле есть заголовок, но нет строк.",
    "costs.error.too_many_rows": (
        "❌ В файле больше {limit:p:строки|строк|строк}: разбейте его на части."
    ),
    "costs.error.too_big": "❌ Файл больше {limit} МБ: разбейте его на части.",
    "costs.error.download": "❌ Не удалось скачать файл из Telegram. Пришлите его ещё раз.",
    "costs.error.no_cost_column": (
        "❌ Не нашёл колонку расхода (расход, сумма, cost, spend). Колонки файла: {columns}"
    ),
    "costs.error.no_date_column": (
        "❌ Не нашёл колонку даты (дата, период, начало/конец, date). Колонки файла: {columns}"
    ),
    "costs.error.no_campaign": (
        "❌ В файле нет колонки кампании. Добавьте её (id или точное название) или пришлите "
        "файл с подписью <code>/costs &lt;id кампании&gt;</code>."
    ),
    "costs.error.all_bad": "❌ Ни одну строку файла нельзя использовать:",
    "costs.error.footer": "Ничего не отправлено. Исправьте файл и пришлите снова или /cancel.",
    # отправка
    "costs.progress": "⏳ Отправляю расходы, кампании: {done}/{total}…",
    "costs.done": "✅ Расходы обновлены: {campaigns:p:кампания|кампании|кампаний}, {amount}.",
    "costs.resumed": (
        "↩️ Продолжено с того места, где остановилось. Отправлено раньше: {earlier} из "
        "{total:p:кампании|кампаний|кампаний}; повторно ничего не отправлено."
    ),
    "costs.if_stopped": (
        "<i>Если счётчик замер (бот перезапускался), нажмите «Продолжить»: отправленное "
        "повторно не уйдёт.</i>"
    ),
    "costs.b.continue": "▶️ Продолжить",
    "costs.failed": (
        "❌ Расходы кампании {name} (#{id}) не приняты.\n{reason}\n"
        "До неё отправлено кампаний: {done} из {total}. Нажмите «Отправить», чтобы повторить: "
        "повторная отправка заменяет расходы, а не удваивает их."
    ),
    "b.costs_send": "✅ Отправить",
}
