"""Русские тексты /alerts и /alert: список, карточка правила, диалог, проверка, кнопки под
алертом, тихие часы и почему строка — не правило."""

TEXTS: dict[str, str] = {
    # the list
    "alerts.title": "<b>🔔 Алерты · {tracker}</b>",
    "alerts.page": "стр. {page} из {pages}",
    "alerts.line": "{number}. {icon} {rule} — <i>{state}</i>",
    "alerts.line_broken": "{number}. ⚠️ правило больше не читается: откройте, чтобы удалить",
    "alerts.state_watching": "следит",
    "alerts.state_firing": "срабатывает: {what}",
    "alerts.state_muted": "заглушено: {what}",
    "alerts.state_paused": "на паузе",
    "alerts.empty": (
        "Правил пока нет. Правило следит за трекером и пишет, когда нужны вы: кампания "
        "сливает деньги, пропал трафик, оффер у капы, трекер не отвечает."
    ),
    "alerts.examples": (
        "Хватит одной строки:\n"
        "<code>/alert roi &lt; -30</code> — ROI ниже −30% за сегодня (когда расход от $10)\n"
        "<code>/alert profit &lt; -50 spend &gt;= 20</code> — кампания в минусе на $50\n"
        "<code>/alert clicks = 0 30m</code> — активная кампания без кликов 30 минут\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — потрачено $30, ни одной конверсии\n"
        "<code>/alert cr drop 50%</code> — CR вдвое ниже, чем за прошлые 7 дней\n"
        "<code>/alert cap 90%</code> — оффер набрал 90% дневной капы\n"
        "<code>/alert domains 7d</code> — домен не работает или SSL кончается через 7 дней\n"
        "<code>/alert down 10m</code> — трекер не отвечает 10 минут\n"
        "Или соберите правило по шагам: ➕ Новое правило."
    ),
    "alerts.examples_short": (
        "Например:\n"
        "<code>/alert roi &lt; -30</code> — ROI ниже −30% за сегодня\n"
        "<code>/alert clicks = 0 30m</code> — активная кампания без кликов 30 минут\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — потрачено $30, ни одной конверсии\n"
        "/alert без слов соберёт правило по шагам."
    ),
    "alerts.quiet_line": "🌙 Тихие часы: {hours}",
    "alerts.quiet_hours": "{start}–{end} ({zone})",
    "alerts.quiet_none": "выключены",
    "alerts.b_new": "➕ Новое правило",
    "alerts.b_quiet": "🌙 Тихие часы",
    "alerts.b_prev": "« Назад",
    "alerts.b_next": "Дальше »",
    "alerts.no_tracker": "Сначала подключите трекер: /connect",
    "alerts.tracker_gone": "Этот трекер не ваш (уже): ничего не изменено.",
    "alerts.not_yours": "Это не ваше правило (или оно удалено): ничего не изменено.",
    "alerts.n.campaign": "{n:p:кампания|кампании|кампаний}",
    "alerts.n.offer": "{n:p:оффер|оффера|офферов}",
    "alerts.n.source": "{n:p:источник|источника|источников}",
    "alerts.n.country": "{n:p:страна|страны|стран}",
    "alerts.n.domain": "{n:p:домен|домена|доменов}",
    "alerts.n.tracker": "{n:p:трекер|трекера|трекеров}",
    "alerts.minutes": "{n} мин",
    "alerts.hours": "{n} ч",
    "alerts.days": "{n:p:день|дня|дней}",
    "alerts.on": "вкл",
    "alerts.off": "выкл",
    "alerts.and_more": "и ещё {n}",
    # the card
    "alerts.card_title": "<b>🔔 Правило #{number}</b> · {tracker}",
    "alerts.card_watching": "🟢 Следит: сейчас ничего не сработало",
    "alerts.card_firing": "🔴 Срабатывает — {what}: {names}",
    "alerts.card_muted": "🔕 Заглушено — {what}",
    "alerts.card_paused": "⏸ На паузе: молчит, пока не возобновите",
    "alerts.card_target": "🎯 Куда: {target}",
    "alerts.card_cooldown": "⏱ Напоминает каждые {every}, пока не пройдёт",
    "alerts.card_recovery": "✅ Сообщает, когда прошло: {state}",
    "alerts.card_auto": "🤖 Само ставит кампанию на паузу: {state} (не больше {n} в час)",
    "alerts.target_here": "этот чат",
    "alerts.target_private": "ваш личный чат со мной",
    "alerts.target_group": "{title} (чат {chat})",
    "alerts.target_chat": "чат {chat}",
    "alerts.b_edit": "✏️ Изменить",
    "alerts.b_pause": "⏸ Пауза",
    "alerts.b_resume": "▶️ Возобновить",
    "alerts.b_test": "🧪 Проверить",
    "alerts.b_delete": "🗑 Удалить",
    "alerts.b_recovery": "✅ Когда прошло: {state}",
    "alerts.b_auto": "🤖 Автопауза: {state}",
    "alerts.b_back": "« Назад",
    "alerts.paused": "⏸ На паузе",
    "alerts.resumed": "▶️ Снова следит",
    "alerts.saved": "✅ Сохранено. Следит с этой минуты.",
    "alerts.delete_ask": "🗑 <b>Удалить правило #{number}?</b>\n{rule}",
    "alerts.b_delete_yes": "🗑 Да, удалить",
    "alerts.b_delete_no": "Нет",
    "alerts.deleted": "🗑 Удалено",
    "alerts.deleted_note": "🗑 Правило #{number} удалено.",
    "alerts.create_refused": (
        "⚠️ Не сохранено: этот трекер уже не ваш, или у него уже {n} правил (больше на "
        "один трекер нельзя). Сначала удалите одно в /alerts."
    ),
    # the dialog
    "alerts.dialog_new": "<b>🔔 Новое правило</b> · шаг {step} из {steps}",
    "alerts.dialog_edit": "<b>✏️ Правило #{number}</b> · изменение",
    "alerts.dialog_change": "<b>🔔 Новое правило</b> · изменение",
    "alerts.dialog_over": "Этот диалог уже закончен. Откройте /alerts снова.",
    "alerts.step_moved": "На этот шаг уже ответили: вот текущий.",
    "alerts.ask_kind": (
        "За чем следить?\n<i>Или напишите всё правило одной строкой, например</i> "
        "<code>roi &lt; -30</code>"
    ),
    "alerts.kind_threshold": "📉 Цифра пересекла порог",
    "alerts.kind_no_traffic": "🚫 Нет трафика",
    "alerts.kind_drop": "📊 Просадка к прошлым 7 дням",
    "alerts.kind_spend": "💸 Расход без конверсий",
    "alerts.kind_cap": "🧢 Оффер у капы",
    "alerts.kind_domain": "🌐 Проблемы с доменом",
    "alerts.kind_down": "🆘 Трекер не отвечает",
    "alerts.ask_measure": "Какая цифра? (или напишите: roi, cr, profit…)",
    "alerts.ask_drop_measure": "Просадка какой цифры? (или напишите её)",
    "alerts.ask_op": "{measure} — когда она…",
    "alerts.ask_value": (
        "{measure} {op} скольких? Пришлите число ({unit}), например <code>{example}</code>"
    ),
    "alerts.unit_money": "в долларах",
    "alerts.unit_percent": "в процентах",
    "alerts.unit_count": "количество",
    "alerts.now": "Сейчас: {value}",
    "alerts.ask_value_drop": (
        "{measure} ниже тех же часов прошлых 7 дней — насколько? Выберите или напишите "
        "процент (1–100)."
    ),
    "alerts.ask_value_spend": (
        "Сообщить, когда кампания потратила сколько без единой конверсии? Выберите или "
        "напишите сумму в долларах."
    ),
    "alerts.ask_value_cap": (
        "Сообщить, когда оффер набрал какую долю дневной капы? Выберите или напишите "
        "процент (1–100)."
    ),
    "alerts.ask_value_domain": (
        "Кроме неработающего домена или SSL: за сколько дней до конца SSL-сертификата "
        "сообщить? Выберите или напишите 1–90."
    ),
    "alerts.ask_value_down": (
        "Сообщить, когда трекер не отвечает сколько минут? Выберите или напишите 1–1440."
    ),
    "alerts.ask_window": (
        "За какое время? Сегодня и вчера считаются как в /stats; скользящее окно — последние "
        "минуты или часы (напишите, например, <code>45m</code> или <code>2h</code>)."
    ),
    "alerts.ask_window_silent": (
        "Сколько времени без кликов? (напишите, например, <code>45m</code> или "
        "<code>2h</code>)\n<i>Считаются только кампании, у которых за прошлые сутки за "
        "такое время были клики.</i>"
    ),
    "alerts.ask_group": "По чему? Каждый оценивается отдельно.",
    "alerts.g_campaign": "🎯 Кампания",
    "alerts.g_offer": "💼 Оффер",
    "alerts.g_source": "📣 Источник",
    "alerts.g_country": "🌍 Страна",
    "alerts.ask_guard": (
        "Только когда… Второе условие, которое тоже должно выполняться, чтобы пара кликов "
        "никого не будила. Напишите своё, например <code>spend &gt;= 20</code> или "
        "<code>clicks &gt;= 200</code>."
    ),
    "alerts.guard_ratio": "Сейчас: {guard} (у доли оно есть всегда).",
    "alerts.guard_now": "Сейчас: {guard}.",
    "alerts.guard_none_now": "Сейчас: второго условия нет.",
    "alerts.guard_needed": ("Доле нужно второе условие: на горстке кликов она скачет без причины."),
    "alerts.b_guard_keep": "✅ Оставить: {guard}",
    "alerts.b_guard_none_kept": "✅ Без второго условия",
    "alerts.b_guard_default": "↩️ По умолчанию: {guard}",
    "alerts.b_guard_none": "✖️ Без второго условия",
    "alerts.ask_cooldown": (
        "Пока не пройдёт, напоминать каждые… (или напишите, например, <code>90m</code>, "
        "<code>1d</code>)"
    ),
    "alerts.ask_target": (
        "Куда слать алерты? Для другой группы пришлите её id (вида -1001234567890): вы "
        "должны быть её администратором, а я — участником."
    ),
    "alerts.b_target_here": "📍 Этот чат",
    "alerts.b_target_me": "👤 Мой личный чат",
    "alerts.bad_target": "«{value}» — не id чата: нужно число вида -1001234567890.",
    "alerts.target_not_admin": (
        "Вы не администратор чата {chat} (или я его не вижу), поэтому туда алерты не пойдут. "
        "Попросите администратора или выберите этот чат."
    ),
    "alerts.target_no_bot": "Меня нет в чате {chat}. Добавьте меня туда и повторите.",
    "alerts.confirm_new": "<b>🔔 Новое правило · проверьте</b> · {tracker}",
    "alerts.confirm_edit": "<b>✏️ Правило #{number} · проверьте</b> · {tracker}",
    "alerts.b_save": "✅ Сохранить",
    "alerts.b_change": "✏️ Изменить шаг",
    "alerts.b_cancel": "❌ Отмена",
    "alerts.ask_change": "Какой шаг?",
    "alerts.step_kind": "За чем следить",
    "alerts.step_measure": "Цифра",
    "alerts.step_op": "Условие",
    "alerts.step_value": "Порог",
    "alerts.step_window": "Время",
    "alerts.step_group": "По чему",
    "alerts.step_guard": "Только когда",
    "alerts.step_cooldown": "Напоминания",
    "alerts.step_target": "Куда слать",
    "alerts.use_buttons": "Нажмите кнопку ниже (или ✏️ Изменить шаг).",
    "alerts.type_it": "Напишите ответ текстом или нажмите кнопку выше.",
    "alerts.cancelled": "✖️ Отменено: ничего не сохранено.",
    # Test
    "alerts.test_title": "<b>🧪 Проверка правила #{number}</b>\n{rule}",
    "alerts.test_firing": "Сработало бы сейчас — {firing} (проверено: {looked}):",
    "alerts.test_more": "и ещё {n}",
    "alerts.test_quiet": "✅ Сейчас ничего не срабатывает (проверено: {looked}).",
    "alerts.test_empty": (
        "✅ Сейчас ничего не срабатывает: за это время нечего проверять ({looked})."
    ),
    "alerts.test_failed": "⚠️ Не удалось проверить: {reason}",
    "alerts.test_down_fine": "🟢 {tracker} сейчас отвечает: правило молчит.",
    "alerts.test_down_failing": (
        "🔴 {tracker} сейчас не отвечает: {reason}\nЕсли так продлится {n} мин, правило сообщит."
    ),
    "alerts.test_nothing_sent": "<i>Никому ничего не отправлено: это только то, что оно видит.</i>",
    "alerts.b_test_again": "🔄 Проверить ещё раз",
    # the buttons under an alert
    "alerts.muted": "🔕 {name}: заглушено до {until}",
    "alerts.unmuted": "🔔 {name}: алерты снова приходят",
    "alerts.no_stats": "Для этого нечего открыть в статистике.",
    # quiet hours
    "alerts.quiet_ask": (
        "<b>🌙 Тихие часы для алертов</b>\nСейчас: {hours}\n\n"
        "В эти часы алерты молчат, кроме оффера у капы и недоступного трекера. Выберите или "
        "напишите два времени в вашем часовом поясе ({zone}), например <code>22:30-07:00</code>."
    ),
    "alerts.b_quiet_off": "🔔 Без тихих часов",
    "alerts.quiet_bad": "«{value}» — не пара времён. Напишите так: 22:30-07:00.",
    "alerts.quiet_saved": "✅ Тихие часы сохранены.",
    # why a line is not a rule
    "alert.err.empty": "Правило пустое.",
    "alert.err.short": (
        "Правило обрывается: после цифры нужны знак и число, например <code>roi &lt; -30</code>."
    ),
    "alert.err.measure": (
        "«{word}» — не цифра, за которой может следить правило. Можно: clicks, unique, "
        "conversions, leads, sales, revenue, spend, profit, ROI, CR, EPC, CPC, CPA, approve "
        "(или клики, конверсии, лиды, доход, расход, прибыль…)."
    ),
    "alert.err.operator": "«{word}» — не сравнение: используйте &lt;, &lt;=, &gt;, &gt;= или =.",
    "alert.err.number": "«{word}» — не число: например -30, 1.5 или 20.",
    "alert.err.window": (
        "«{word}» — не время, за которым я могу следить: сегодня, вчера или от 5 минут до "
        "72 часов, например 30m или 3h (для недоступного трекера — от 1 минуты до 24 часов)."
    ),
    "alert.err.group": (
        "«{word}» — не то, по чему можно считать: кампания, оффер, источник, страна."
    ),
    "alert.err.cooldown": (
        "«{word}» — не интервал напоминаний: от 10 минут до 7 дней, например every 4h."
    ),
    "alert.err.word": "Не понимаю, что значит «{word}» в правиле.",
    "alert.err.percent": "«{word}» — не процент от 1 до 100.",
    "alert.err.days": "«{word}» — не число дней от 1 до 90.",
    "alert.err.no_traffic_group": "«Нет трафика» следит только за кампаниями: уберите «по …».",
    "alert.err.auto": (
        "Автопауза работает только для правил о кампаниях или офферах (порог, нет трафика, "
        "просадка, капа)."
    ),
    "alerts.offer.none": (
        "Сегодня ни один поток не отправлял клики на этот оффер: ставить на паузу нечего."
    ),
    "alerts.offer.ask": (
        "⏸ <b>Поставить на паузу {n:p:поток|потока|потоков}, которые сегодня вели на этот"
        " оффер?</b>\nПоток останавливает все свои офферы, не только этот."
    ),
    "alerts.offer.line": "• {name} · кликов: {clicks}",
    "alerts.offer.more": "…и ещё {n}",
    "alerts.offer.yes": "⏸ Пауза: {n:p:поток|потока|потоков}",
    "alerts.offer.no": "✖️ Нет, пусть работают",
    "alerts.offer.cancelled": "✖️ Ничего не остановлено: потоки работают дальше.",
    "alerts.offer.stale": "Этот вопрос устарел: нажмите ⏸ под алертом ещё раз.",
    "alerts.offer.failed": "❌ {name}: {reason}",
    "alerts.offer.ok": "⏸ {name}",
    "alerts.offer.resumed": "▶️ {name}",
    "alerts.offer.done": "⏸ <b>На паузе: {n:p:поток|потока|потоков}</b>",
    "alerts.offer.undone": "▶️ <b>Возобновлено: {n:p:поток|потока|потоков}</b>",
    "alerts.offer.undo": "↩️ Отменить (возобновить)",
}
