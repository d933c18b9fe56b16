"""Русские тексты структурных редакторов (офферы и доли, фильтры, постбэки)."""

TEXTS: dict[str, str] = {
    "form.example_typed": "Например: <code>{example}</code>",
    "form.shares_landings": "Доли лендингов в сумме {total}%, а должны давать 100%.",
    "ed.title": "✏️ <b>{name}</b>",
    "ed.b.to_rows": "Назад к списку",
    "ed.b.remove": "🗑 Убрать",
    "ed.b.change": "✏️ Изменить значения",
    "ed.b.split": "⚖️ Разделить поровну",
    "ed.b.pause_row": "⏸ Пауза в этом потоке",
    "ed.b.resume_row": "▶️ Запустить в этом потоке",
    "ed.paused_row": "(на паузе)",
    "ed.total_ok": "Итого: {total}% ✅",
    "ed.total_off": "Итого: {total}% ⚠️ должно быть 100%",
    "ed.share_ask": (
        "<b>{row}</b>\nВведите долю в процентах или нажмите готовую (осталось {left}%)."
    ),
    "ed.bad_share": "✏️ «{value}» — это не доля: введите целый процент от 0 до 100.",
    "ed.offers.empty": "Офферов пока нет: нажмите ➕ Добавить оффер.",
    "ed.offers.b.add": "➕ Добавить оффер",
    "ed.offers.pick": "Выберите оффер или введите его название для поиска либо id.",
    "ed.offers.none_left": "Все офферы трекера уже есть в потоке.",
    "ed.offers.unknown": "✏️ В трекере нет оффера #{id}: выберите из списка.",
    "ed.offers.twice": ("✏️ Оффер #{id} уже есть в потоке: нажмите на него, чтобы изменить долю."),
    "ed.landings.empty": "Лендингов пока нет: нажмите ➕ Добавить лендинг.",
    "ed.landings.b.add": "➕ Добавить лендинг",
    "ed.landings.pick": "Выберите лендинг или введите его название для поиска либо id.",
    "ed.landings.none_left": "Все лендинги трекера уже есть в потоке.",
    "ed.landings.unknown": "✏️ В трекере нет лендинга #{id}: выберите из списка.",
    "ed.landings.twice": (
        "✏️ Лендинг #{id} уже есть в потоке: нажмите на него, чтобы изменить долю."
    ),
    "ed.filters.empty": "Фильтров нет: поток принимает весь трафик.",
    "ed.filters.all": "Посетитель должен пройти все фильтры.",
    "ed.filters.any": "Посетителю достаточно пройти любой из фильтров.",
    "ed.filters.b.add": "➕ Добавить фильтр",
    "ed.filters.kind": "Что должен проверять фильтр?",
    "ed.filters.number": "Какой Sub ID?",
    "ed.filters.now": "Фильтр: <b>{rule}</b>",
    "ed.filters.row": "<b>{rule}</b>",
    "ed.filters.flag": "Каких посетителей принимает поток?",
    "ed.filters.b.only": "✅ Только этих",
    "ed.filters.b.none": "🚫 Всех, кроме этих",
    "ed.filters.b.is": "🔁 Сделать «входит в»",
    "ed.filters.b.is_not": "🔁 Сделать «не входит в»",
    "ed.filters.b.save": "✅ Сохранить фильтр",
    "ed.filters.type.codes": (
        "Нажмите значения или введите коды через запятую: <code>DE, AT</code>."
    ),
    "ed.filters.type.ips": (
        "Введите адреса или диапазоны через запятую: <code>1.2.3.4, 10.0.0.0/24</code>."
    ),
    "ed.filters.type.text": "Нажмите значения или введите их через запятую.",
    "ed.filters.bad.codes": ("✏️ Это не двухбуквенные коды: {values}. Пример: <code>DE, AT</code>."),
    "ed.filters.bad.ips": "✏️ Это не IP-адрес и не диапазон: {values}.",
    "ed.filters.bad.text": "✏️ Не удалось прочитать: {values}.",
    "ed.filters.choose_first": (
        "✏️ Сначала нажмите ➕ Добавить фильтр и выберите, что он проверяет."
    ),
    "ed.postbacks.empty": "Постбэков нет: источник трафика не узнаёт ни об одной конверсии.",
    "ed.postbacks.b.add": "➕ Добавить постбэк",
    "ed.postbacks.url": (
        "Отправьте postback URL источника трафика с его макросами, например "
        "<code>https://ts.example/pb?cid={{subid}}&amp;sum={{payout}}</code>."
    ),
    "ed.postbacks.bad_url": "✏️ «{value}» — это не веб-адрес (http:// или https://…).",
    "ed.postbacks.row": "<b>{line}</b>",
    "ed.postbacks.toggle": (
        "Нажмите статусы, при которых он отправляется; пришлите новый URL, чтобы заменить его."
    ),
    "ed.postbacks.b.method": "Отправлять методом {method}",
    # виды фильтров потока
    "flt.accept": "входит в",
    "flt.reject": "не входит в",
    "flt.sub_id_any": "Sub ID…",
    "flv.mobile": "мобильный",
    "flv.desktop": "компьютер",
    "flv.tablet": "планшет",
    "flv.wifi": "Wi-Fi",
    "flv.cellular": "мобильная сеть",
    "flt.sub_id": "Sub ID {n}",
    "flt.country": "Страна",
    "flt.device_type": "Устройство",
    "flt.os": "ОС",
    "flt.browser": "Браузер",
    "flt.language": "Язык",
    "flt.ip": "IP",
    "flt.bot": "Боты",
    "flt.proxy": "Прокси",
    "flt.region": "Регион",
    "flt.city": "Город",
    "flt.isp": "Провайдер",
    "flt.connection_type": "Тип подключения",
    "flt.referrer": "Реферер",
    "flt.keyword": "Ключевое слово",
    "flt.source": "Источник",
    # чёрный список из отчёта
    "rb.label_hint": (
        "Нажмите 🚫 и номер строки, чтобы внести её значение в чёрный список кампании."
    ),
    "bl.in_campaigns": (
        "Это значение приводило трафик в эти кампании: внесите его в чёрный список одной из них."
    ),
    "bl.no_campaigns": "За этот период это значение не привело трафик ни в одну кампанию.",
    "bl.b.block": "🚫 В блэклист «{name}»",
    "bl.blocked": "🚫 {what} теперь в чёрном списке кампании «{campaign}».",
    "bl.unblocked": "↩️ {what} больше не в чёрном списке кампании «{campaign}».",
    # карточки и списки
    "f.link": "Трекинговая ссылка",
    "browse.empty_create": "{what}: пока пусто. Нажмите ➕, чтобы создать первую запись.",
    "new.campaigns": "➕ Новая кампания",
    "new.streams": "➕ Новый поток",
    "new.offers": "➕ Новый оффер",
    "new.landing_pages": "➕ Новый лендинг",
    "new.traffic_sources": "➕ Новый источник трафика",
    "new.affiliate_networks": "➕ Новая партнёрская сеть",
    "new.domains": "➕ Новый домен",
    "new.groups": "➕ Новая группа",
    "new.users": "➕ Новый пользователь",
    # что сделала форма
    "form.count": "Теперь в списке {count:p:запись|записи|записей}.",
    "form.did.other": "✅ Готово.",
    "form.did.create": "✅ Создано.",
    "form.did.update": "✅ Сохранено.",
    "form.did.archive": "🗄 Отправлено в архив.",
    "form.did.restore": "♻️ Восстановлено.",
    "form.did.clone": "📄 Скопировано.",
    "form.did.delete": "🗑 Удалено.",
    "form.did.enable": "▶️ Запущено.",
    "form.did.disable": "⏸ Поставлено на паузу.",
    "form.did.set": "✅ Сохранено.",
    "form.did.add": "✅ Добавлено.",
    "form.did.exclude": "✅ Убрано.",
    "form.did.replace": "✅ Список заменён.",
    "form.did.clear": "🧹 Очищено.",
    "form.did.update_costs": "💸 Расходы обновлены.",
    "form.did.send": "📮 Отправлено.",
    # проверка значений словами пользователя
    "v.text": "здесь нужен текст",
    "v.whole": "нужно целое число, например 25",
    "v.url": "нужен веб-адрес, например https://example.com",
    "v.date": "нужна дата, например 2026-12-01 или 01.12.2026",
    "v.unknown_parameters": "таких параметров трекинга нет: {names}",
    "v.unknown_cost_filters": "расходы нельзя фильтровать по: {names}",
    "v.passwords_differ": "пароль и его подтверждение не совпадают",
    "v.range_or_limit": "выберите период (или сколько строк показать)",
    "v.same_thing": "{names} означают одно и то же: заполните только одно из них",
    "v.other_value": "это значение здесь не подходит: сверьтесь с примером",
    "v.json_line": "это некорректный JSON (посмотрите строку {line})",
    # диалоги без тупиков
    "cv.line_no_click": (
        "✏️ Конверсия начинается с id клика (subid): "
        "<code>/conversion 3b7k2a9f1c8e sale 45 USD</code>. Без него трекер не поймёт, "
        "к какому клику она относится: ничего не отправлено."
    ),
    "flt.only": "только они",
    "flt.excluded": "исключены",
    # numbers that cannot mislead, pausing the losing ones
    "stats.vs": "▲▼ в сравнении с периодом: {what}",
    "stats.vs_yesterday": "вчера",
    "stats.vs_until": " до {time}",
    "digest.pause_choose": (
        "<b>⏸ Какие убыточные кампании остановить?</b>\n{title}\n"
        "Нажмите номер, чтобы отметить или снять отметку."
    ),
    "digest.pause_week_profit": "📈 {profit} за последние 7 дней: не отмечена",
    "digest.pause_small": "потрачено меньше {spend}: не отмечена",
    "digest.pause_rule": "Отмечены: убыток при расходе от {spend}, без прибыли за 7 дней.",
    "digest.pause_none_chosen": ("Ничего не отмечено: сначала отметьте кампании для остановки."),
    "list.today": "сегодня {profit} · ROI {roi}",
    "click.b.record": "🧾 Записать конверсию",
    "click.b.status": "🔁 Сменить статус #{id}",
    "click.b.campaign": "🎯 Открыть кампанию",
    "v.not_ips": "это не IP-адрес и не диапазон: {values}",
    # a digest: edit one setting, send now
    "digest.b.time": "🕘 {time}",
    "digest.b.days": "📅 Дни",
    "digest.b.zone": "🌍 Часовой пояс",
    "digest.edit_title": "<b>✏️ Изменение сводки</b> · нажмите настройку, чтобы её изменить",
    "digest.send_now": "▶️ Отправить {number} сейчас",
    "digest.send_failed": "Сводку не удалось отправить сейчас. Попробуйте через минуту.",
    "digest.b.tracker": "🗄 Трекер",
    "ed.labels.empty": "Значений пока нет.",
    "ed.labels.type": (
        "Пришлите значения для блэклиста (sub ID, IP, источники...) по одному в строке или "
        "через запятую; нажмите на значение, чтобы перенести его в вайтлист или удалить."
    ),
    "browse.status_hint": (
        "🔁 n: отправить этой конверсии новый статус (лид подтверждён, продажа отменена)."
    ),
    "form.file_sent": "📎 Файл отправлен ниже ({size} байт).",
}
