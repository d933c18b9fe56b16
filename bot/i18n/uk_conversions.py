"""Ukrainian texts of /conversion and /click (HTML). The keys are those of en_conversions.py."""

TEXTS: dict[str, str] = {
    # діалог
    "cv.title": "🧾 <b>Нова конверсія</b> ({n}/{of}).",
    "cv.ask_click_id": "Надішліть id кліку (subid).",
    "cv.ask_click_again": "Надішліть інший id кліку або продовжте з цим.",
    "cv.ask_status": "Статус? Оберіть або напишіть свій (наприклад, <code>hold</code>).",
    "cv.ask_revenue": "Дохід? (наприклад, <code>25</code> або <code>12,5</code>)",
    "cv.ask_currency": "Валюта? Оберіть або напишіть три літери (наприклад, GBP).",
    "cv.ask_extras": "ID транзакції та коментар — за бажанням.",
    "cv.ask_tid": (
        "Надішліть ID транзакції. Новий ID створює окрему конверсію на тому самому кліку."
    ),
    "cv.ask_comment": "Надішліть коментар.",
    "cv.ask_change": "Що змінити?",
    "cv.ask_postback_key": (
        "📮 Щоб надсилати конверсії, мені один раз потрібен ключ постбека трекера. Надішліть "
        "postback URL (Keitaro → Обслуговування → Налаштування → Postback URL) або лише ключ. "
        "Я видалю ваше повідомлення, щойно прочитаю його, і збережу ключ у зашифрованому вигляді."
    ),
    "cv.click_found": "✅ Клік знайдено: {campaign}, {time}, {country}.",
    "cv.click_missing": (
        "⚠️ У журналі кліків немає кліку <code>{click_id}</code> за "
        "{days:p:останній день|останні дні|останніх днів}. "
        "Конверсію для невідомого кліку трекер проігнорує."
    ),
    "cv.click_unchecked": "⚠️ Не вдалося прочитати журнал кліків: {reason}",
    "cv.summary_click": "клік <code>{click_id}</code>",
    "cv.summary_tid": "tid <code>{tid}</code>",
    "cv.summary_comment": "коментар: {comment}",
    "cv.summary_extra": "ще: {params}",
    "cv.status_default": "продаж (без статусу)",
    "cv.offer_payout": "виплата офера",
    "cv.custom_status": (
        "ℹ️ «{status}» — не статус Keitaro: трекер зіставить його за своїми списками статусів "
        "(невідомий стане лідом)."
    ),
    "cv.card_title": "🧾 <b>Перевірте:</b>",
    "cv.unfinished": (
        "🧾 У вас є незавершена конверсія (або надішліть ID кліку, щоб почати нову):"
    ),
    # неправильні відповіді
    "cv.bad_click_id": "✏️ ID кліку — одне слово до 128 символів. Надішліть ще раз.",
    "cv.bad_status": "✏️ Статус — одне слово до 64 символів. Надішліть ще раз.",
    "cv.bad_revenue": (
        "✏️ Дохід має бути числом, наприклад <code>25</code> або <code>12,5</code>. "
        "Надішліть ще раз."
    ),
    "cv.bad_currency": "✏️ Валюта — три літери, наприклад USD або EUR. Надішліть ще раз.",
    "cv.bad_tid": "✏️ ID транзакції — одне слово до 128 символів. Надішліть ще раз.",
    "cv.bad_comment": "✏️ Коментар задовгий (не більше 1 000 символів). Надішліть ще раз.",
    "cv.line_usage": "✏️ В одному рядку вміщуються лише id кліку, статус, дохід і валюта.",
    "cv.json_bad": "✏️ Це некоректний JSON ({detail}). Нічого не надіслано.",
    "cv.json_not_object": "✏️ JSON має бути об'єктом у фігурних дужках. Нічого не надіслано.",
    "cv.json_no_click": ("✏️ У JSON немає <code>click_id</code> (або subid). Нічого не надіслано."),
    "cv.json_invalid": "✏️ Деякі значення в JSON неправильні. Нічого не надіслано:",
    "cv.usage": (
        "Одним рядком: <code>/conversion &lt;click_id&gt; &lt;статус&gt; &lt;дохід&gt; "
        "[валюта]</code>\n"
        'JSON: <code>/conversion &#123;"click_id": "3b7k2a9f1c8e", "status": "sale", '
        '"revenue": 12.5&#125;</code>\n'
        "Або просто /conversion — запитаю крок за кроком."
    ),
    # кнопки
    "cv.status_lead": "Лід",
    "cv.status_sale": "Продаж",
    "cv.status_rejected": "Відхилено",
    "cv.status_rebill": "Ребіл",
    "cv.b_skip": "Пропустити",
    "cv.b_skip_revenue": "Пропустити: виплата офера",
    "cv.b_add_tid": "Додати tid",
    "cv.b_add_comment": "Додати коментар",
    "cv.b_done": "Готово",
    "cv.b_card": "До картки",
    "cv.b_anyway": "Все одно надіслати",
    "cv.b_send": "Надіслати",
    "cv.b_retry": "Надіслати ще раз",
    "cv.b_change": "Змінити",
    "cv.b_resume": "Продовжити",
    "cv.b_new": "Почати заново",
    "cv.b_check_again": "Перевірити ще раз",
    "cv.field_click_id": "ID кліку",
    "cv.field_status": "Статус",
    "cv.field_revenue": "Дохід",
    "cv.field_currency": "Валюта",
    "cv.field_tid": "Tid",
    "cv.field_comment": "Коментар",
    # після надсилання
    "cv.sent": "⏳ Надіслано, чекаю, поки трекер її запише…",
    "cv.recorded": "✅ Записано: конверсія #{id} · {status} · {revenue} · {campaign}",
    "cv.not_yet": (
        "🕓 Трекер її прийняв (Success), але в журналі конверсій її поки немає; перевірте пізніше."
    ),
    "cv.still_not": "У журналі конверсій її поки немає.",
    "cv.check_gone": (
        "Я більше не зберігаю цю конверсію (бот перезапускався). Знайдіть клік командою /click "
        "з його id."
    ),
    # /click
    "click.ask": "🖱 Надішліть id кліку (subid), щоб побачити його шлях.",
    "click.not_found": (
        "🔍 У журналі кліків немає кліку <code>{sub_id}</code> за "
        "{days:p:останній день|останні дні|останніх днів}."
    ),
    "click.title": "🖱 <b>Клік</b> <code>{sub_id}</code>",
    "click.when": "🕓 {time} · {country}",
    "click.campaign": "🎯 Кампанія: {name}",
    "click.stream": "🔀 Потік: {name}",
    "click.landing": "📄 Лендинг: {name}",
    "click.offer": "💼 Офер: {name}",
    "click.source": "📡 Джерело: {name}",
    "click.device": "📱 {device} · {os} · {browser}",
    "click.ip": "🌐 IP {ip}",
    "click.bot": "🤖 позначено як бота",
    "click.conversions": "🧾 <b>Конверсії</b> ({count}):",
    "click.no_conversions": "🧾 Конверсій немає.",
    "click.conversion": "#{id} · {history} · {revenue} · {time}",
    "click.original": "початковий «{status}»",
    "click.conversions_failed": "🧾 Не вдалося прочитати журнал конверсій: {reason}",
}
