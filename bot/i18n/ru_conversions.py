"""Русские тексты /conversion и /click (HTML). Ключи те же, что в en_conversions.py."""

TEXTS: dict[str, str] = {
    # диалог
    "cv.title": "🧾 <b>Новая конверсия</b> ({n}/{of}).",
    "cv.ask_click_id": "Пришлите id клика (subid).",
    "cv.ask_click_again": "Пришлите другой id клика или продолжите с этим.",
    "cv.ask_status": "Статус? Выберите или напишите свой (например, <code>hold</code>).",
    "cv.ask_revenue": "Доход? (например, <code>25</code> или <code>12,5</code>)",
    "cv.ask_currency": "Валюта? Выберите или напишите три буквы (например, GBP).",
    "cv.ask_extras": "ID транзакции и комментарий — по желанию.",
    "cv.ask_tid": ("Пришлите ID транзакции. Новый ID создаёт отдельную конверсию на том же клике."),
    "cv.ask_comment": "Пришлите комментарий.",
    "cv.ask_change": "Что изменить?",
    "cv.ask_postback_key": (
        "📮 Чтобы отправлять конверсии, мне один раз нужен ключ постбэка трекера. Пришлите "
        "postback URL (Keitaro → Обслуживание → Настройки → Postback URL) или только ключ. "
        "Я удалю ваше сообщение, как только прочитаю его, и сохраню ключ в зашифрованном виде."
    ),
    "cv.click_found": "✅ Клик найден: {campaign}, {time}, {country}.",
    "cv.click_missing": (
        "⚠️ В журнале кликов нет клика <code>{click_id}</code> за "
        "{days:p:последний день|последних дня|последних дней}. "
        "Конверсию для неизвестного клика трекер проигнорирует."
    ),
    "cv.click_unchecked": "⚠️ Не удалось прочитать журнал кликов: {reason}",
    "cv.summary_click": "клик <code>{click_id}</code>",
    "cv.summary_tid": "tid <code>{tid}</code>",
    "cv.summary_comment": "комментарий: {comment}",
    "cv.summary_extra": "ещё: {params}",
    "cv.status_default": "продажа (без статуса)",
    "cv.offer_payout": "выплата оффера",
    "cv.custom_status": (
        "ℹ️ «{status}» — не статус Keitaro: трекер сопоставит его по своим спискам статусов "
        "(неизвестный станет лидом)."
    ),
    "cv.card_title": "🧾 <b>Проверьте:</b>",
    "cv.unfinished": (
        "🧾 У вас есть незаконченная конверсия (или пришлите ID клика, чтобы начать новую):"
    ),
    # неверные ответы
    "cv.bad_click_id": "✏️ ID клика — одно слово до 128 символов. Пришлите ещё раз.",
    "cv.bad_status": "✏️ Статус — одно слово до 64 символов. Пришлите ещё раз.",
    "cv.bad_revenue": (
        "✏️ Доход должен быть числом, например <code>25</code> или <code>12,5</code>. "
        "Пришлите ещё раз."
    ),
    "cv.bad_currency": "✏️ Валюта — три буквы, например USD или EUR. Пришлите ещё раз.",
    "cv.bad_tid": "✏️ ID транзакции — одно слово до 128 символов. Пришлите ещё раз.",
    "cv.bad_comment": (
        "✏️ Комментарий слишком длинный (не больше 1 000 символов). Пришлите ещё раз."
    ),
    "cv.line_usage": "✏️ В одной строке помещаются только id клика, статус, доход и валюта.",
    "cv.json_bad": "✏️ Это не JSON ({detail}). Ничего не отправлено.",
    "cv.json_not_object": ("✏️ JSON должен быть объектом в фигурных скобках. Ничего не отправлено."),
    "cv.json_no_click": ("✏️ В JSON нет <code>click_id</code> (или subid). Ничего не отправлено."),
    "cv.json_invalid": "✏️ Некоторые значения в JSON неверны. Ничего не отправлено:",
    "cv.usage": (
        "Одной строкой: <code>/conversion &lt;click_id&gt; &lt;статус&gt; &lt;доход&gt; "
        "[валюта]</code>\n"
        'JSON: <code>/conversion &#123;"click_id": "3b7k2a9f1c8e", "status": "sale", '
        '"revenue": 12.5&#125;</code>\n'
        "Или просто /conversion — спрошу по шагам."
    ),
    # кнопки
    "cv.status_lead": "Лид",
    "cv.status_sale": "Продажа",
    "cv.status_rejected": "Отклонено",
    "cv.status_rebill": "Ребилл",
    "cv.b_skip": "Пропустить",
    "cv.b_skip_revenue": "Пропустить: выплата оффера",
    "cv.b_add_tid": "Добавить tid",
    "cv.b_add_comment": "Добавить комментарий",
    "cv.b_done": "Готово",
    "cv.b_card": "К карточке",
    "cv.b_anyway": "Всё равно отправить",
    "cv.b_send": "Отправить",
    "cv.b_retry": "Отправить ещё раз",
    "cv.b_change": "Изменить",
    "cv.b_resume": "Продолжить",
    "cv.b_new": "Начать заново",
    "cv.b_check_again": "Проверить ещё раз",
    "cv.field_click_id": "ID клика",
    "cv.field_status": "Статус",
    "cv.field_revenue": "Доход",
    "cv.field_currency": "Валюта",
    "cv.field_tid": "Tid",
    "cv.field_comment": "Комментарий",
    # после отправки
    "cv.sent": "⏳ Отправлено, жду, пока трекер её запишет…",
    "cv.recorded": "✅ Записано: конверсия #{id} · {status} · {revenue} · {campaign}",
    "cv.not_yet": (
        "🕓 Трекер принял её (Success), но в журнале конверсий её пока нет; проверьте позже."
    ),
    "cv.still_not": "В журнале конверсий её пока нет.",
    "cv.check_gone": (
        "Я больше не храню эту конверсию (бот перезапускался). Найдите клик командой /click "
        "с его id."
    ),
    # /click
    "click.ask": "🖱 Пришлите id клика (subid), чтобы увидеть его путь.",
    "click.not_found": (
        "🔍 В журнале кликов нет клика <code>{sub_id}</code> за "
        "{days:p:последний день|последних дня|последних дней}."
    ),
    "click.title": "🖱 <b>Клик</b> <code>{sub_id}</code>",
    "click.when": "🕓 {time} · {country}",
    "click.campaign": "🎯 Кампания: {name}",
    "click.stream": "🔀 Поток: {name}",
    "click.landing": "📄 Лендинг: {name}",
    "click.offer": "💼 Оффер: {name}",
    "click.source": "📡 Источник: {name}",
    "click.device": "📱 {device} · {os} · {browser}",
    "click.ip": "🌐 IP {ip}",
    "click.bot": "🤖 помечен как бот",
    "click.conversions": "🧾 <b>Конверсии</b> ({count}):",
    "click.no_conversions": "🧾 Конверсий нет.",
    "click.conversion": "#{id} · {history} · {revenue} · {time}",
    "click.original": "исходный «{status}»",
    "click.conversions_failed": "🧾 Не удалось прочитать журнал конверсий: {reason}",
}
