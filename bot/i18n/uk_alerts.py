"""Українські тексти /alerts і /alert: список, картка правила, діалог, перевірка, кнопки під
алертом, тихі години і чому рядок — не правило."""

TEXTS: dict[str, str] = {
    # the list
    "alerts.title": "<b>🔔 Алерти · {tracker}</b>",
    "alerts.page": "стор. {page} з {pages}",
    "alerts.line": "{number}. {icon} {rule} — <i>{state}</i>",
    "alerts.line_broken": "{number}. ⚠️ правило більше не читається: відкрийте, щоб видалити",
    "alerts.state_watching": "стежить",
    "alerts.state_firing": "спрацьовує: {what}",
    "alerts.state_muted": "заглушено: {what}",
    "alerts.state_paused": "на паузі",
    "alerts.empty": (
        "Правил поки немає. Правило стежить за трекером і пише, коли потрібні ви: кампанія "
        "зливає гроші, зник трафік, офер біля капи, трекер не відповідає."
    ),
    "alerts.examples": (
        "Досить одного рядка:\n"
        "<code>/alert roi &lt; -30</code> — ROI нижче −30% за сьогодні (коли витрати від $10)\n"
        "<code>/alert profit &lt; -50 spend &gt;= 20</code> — кампанія в мінусі на $50\n"
        "<code>/alert clicks = 0 30m</code> — активна кампанія без кліків 30 хвилин\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — витрачено $30, жодної конверсії\n"
        "<code>/alert cr drop 50%</code> — CR удвічі нижчий, ніж за минулі 7 днів\n"
        "<code>/alert cap 90%</code> — офер набрав 90% денної капи\n"
        "<code>/alert domains 7d</code> — домен не працює або SSL закінчується за 7 днів\n"
        "<code>/alert down 10m</code> — трекер не відповідає 10 хвилин\n"
        "Або зберіть правило по кроках: ➕ Нове правило."
    ),
    "alerts.examples_short": (
        "Наприклад:\n"
        "<code>/alert roi &lt; -30</code> — ROI нижче −30% за сьогодні\n"
        "<code>/alert clicks = 0 30m</code> — активна кампанія без кліків 30 хвилин\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — витрачено $30, жодної конверсії\n"
        "/alert без слів збере правило по кроках."
    ),
    "alerts.quiet_line": "🌙 Тихі години: {hours}",
    "alerts.quiet_hours": "{start}–{end} ({zone})",
    "alerts.quiet_none": "вимкнені",
    "alerts.b_new": "➕ Нове правило",
    "alerts.b_quiet": "🌙 Тихі години",
    "alerts.b_prev": "« Назад",
    "alerts.b_next": "Далі »",
    "alerts.no_tracker": "Спершу підключіть трекер: /connect",
    "alerts.tracker_gone": "Цей трекер не ваш (уже): нічого не змінено.",
    "alerts.not_yours": "Це не ваше правило (або його видалено): нічого не змінено.",
    "alerts.n.campaign": "{n:p:кампанія|кампанії|кампаній}",
    "alerts.n.offer": "{n:p:офер|офери|оферів}",
    "alerts.n.source": "{n:p:джерело|джерела|джерел}",
    "alerts.n.country": "{n:p:країна|країни|країн}",
    "alerts.n.domain": "{n:p:домен|домени|доменів}",
    "alerts.n.tracker": "{n:p:трекер|трекери|трекерів}",
    "alerts.minutes": "{n} хв",
    "alerts.hours": "{n} год",
    "alerts.days": "{n:p:день|дні|днів}",
    "alerts.on": "увімк",
    "alerts.off": "вимк",
    "alerts.and_more": "і ще {n}",
    # the card
    "alerts.card_title": "<b>🔔 Правило #{number}</b> · {tracker}",
    "alerts.card_watching": "🟢 Стежить: зараз нічого не спрацювало",
    "alerts.card_firing": "🔴 Спрацьовує — {what}: {names}",
    "alerts.card_muted": "🔕 Заглушено — {what}",
    "alerts.card_paused": "⏸ На паузі: мовчить, доки не відновите",
    "alerts.card_target": "🎯 Куди: {target}",
    "alerts.card_cooldown": "⏱ Нагадує кожні {every}, доки не мине",
    "alerts.card_recovery": "✅ Повідомляє, коли минуло: {state}",
    "alerts.card_auto": "🤖 Саме ставить кампанію на паузу: {state} (не більше {n} на годину)",
    "alerts.target_here": "цей чат",
    "alerts.target_private": "ваш особистий чат зі мною",
    "alerts.target_group": "{title} (чат {chat})",
    "alerts.target_chat": "чат {chat}",
    "alerts.b_edit": "✏️ Змінити",
    "alerts.b_pause": "⏸ Пауза",
    "alerts.b_resume": "▶️ Відновити",
    "alerts.b_test": "🧪 Перевірити",
    "alerts.b_delete": "🗑 Видалити",
    "alerts.b_recovery": "✅ Коли минуло: {state}",
    "alerts.b_auto": "🤖 Автопауза: {state}",
    "alerts.b_back": "« Назад",
    "alerts.paused": "⏸ На паузі",
    "alerts.resumed": "▶️ Знову стежить",
    "alerts.saved": "✅ Збережено. Стежить з цієї хвилини.",
    "alerts.delete_ask": "🗑 <b>Видалити правило #{number}?</b>\n{rule}",
    "alerts.b_delete_yes": "🗑 Так, видалити",
    "alerts.b_delete_no": "Ні",
    "alerts.deleted": "🗑 Видалено",
    "alerts.deleted_note": "🗑 Правило #{number} видалено.",
    "alerts.create_refused": (
        "⚠️ Не збережено: цей трекер уже не ваш, або в нього вже {n} правил (більше на один "
        "трекер не можна). Спершу видаліть одне в /alerts."
    ),
    # the dialog
    "alerts.dialog_new": "<b>🔔 Нове правило</b> · крок {step} з {steps}",
    "alerts.dialog_edit": "<b>✏️ Правило #{number}</b> · зміна",
    "alerts.dialog_change": "<b>🔔 Нове правило</b> · зміна",
    "alerts.dialog_over": "Цей діалог уже завершено. Відкрийте /alerts знову.",
    "alerts.step_moved": "На цей крок уже відповіли: ось поточний.",
    "alerts.ask_kind": (
        "За чим стежити?\n<i>Або напишіть усе правило одним рядком, наприклад</i> "
        "<code>roi &lt; -30</code>"
    ),
    "alerts.kind_threshold": "📉 Цифра перетнула поріг",
    "alerts.kind_no_traffic": "🚫 Немає трафіку",
    "alerts.kind_drop": "📊 Просідання до минулих 7 днів",
    "alerts.kind_spend": "💸 Витрати без конверсій",
    "alerts.kind_cap": "🧢 Офер біля капи",
    "alerts.kind_domain": "🌐 Проблеми з доменом",
    "alerts.kind_down": "🆘 Трекер не відповідає",
    "alerts.ask_measure": "Яка цифра? (або напишіть: roi, cr, profit…)",
    "alerts.ask_drop_measure": "Просідання якої цифри? (або напишіть її)",
    "alerts.ask_op": "{measure} — коли вона…",
    "alerts.ask_value": (
        "{measure} {op} скількох? Надішліть число ({unit}), наприклад <code>{example}</code>"
    ),
    "alerts.unit_money": "у доларах",
    "alerts.unit_percent": "у відсотках",
    "alerts.unit_count": "кількість",
    "alerts.now": "Зараз: {value}",
    "alerts.ask_value_drop": (
        "{measure} нижче тих самих годин минулих 7 днів — наскільки? Виберіть або напишіть "
        "відсоток (1–100)."
    ),
    "alerts.ask_value_spend": (
        "Повідомити, коли кампанія витратила скільки без жодної конверсії? Виберіть або "
        "напишіть суму в доларах."
    ),
    "alerts.ask_value_cap": (
        "Повідомити, коли офер набрав яку частку денної капи? Виберіть або напишіть "
        "відсоток (1–100)."
    ),
    "alerts.ask_value_domain": (
        "Окрім непрацюючого домену чи SSL: за скільки днів до кінця SSL-сертифіката "
        "повідомити? Виберіть або напишіть 1–90."
    ),
    "alerts.ask_value_down": (
        "Повідомити, коли трекер не відповідає скільки хвилин? Виберіть або напишіть 1–1440."
    ),
    "alerts.ask_window": (
        "За який час? Сьогодні і вчора рахуються як у /stats; ковзне вікно — останні хвилини "
        "або години (напишіть, наприклад, <code>45m</code> або <code>2h</code>)."
    ),
    "alerts.ask_window_silent": (
        "Скільки часу без кліків? (напишіть, наприклад, <code>45m</code> або "
        "<code>2h</code>)\n<i>Рахуються лише кампанії, у яких за минулу добу за такий час "
        "були кліки.</i>"
    ),
    "alerts.ask_group": "За чим? Кожен оцінюється окремо.",
    "alerts.g_campaign": "🎯 Кампанія",
    "alerts.g_offer": "💼 Офер",
    "alerts.g_source": "📣 Джерело",
    "alerts.g_country": "🌍 Країна",
    "alerts.ask_guard": (
        "Лише коли… Друга умова, яка теж має виконуватися, щоб кілька кліків нікого не "
        "будили. Напишіть свою, наприклад <code>spend &gt;= 20</code> або "
        "<code>clicks &gt;= 200</code>."
    ),
    "alerts.guard_ratio": "Зараз: {guard} (у частки вона є завжди).",
    "alerts.guard_now": "Зараз: {guard}.",
    "alerts.guard_none_now": "Зараз: другої умови немає.",
    "alerts.guard_needed": (
        "Частці потрібна друга умова: на жменьці кліків вона стрибає без причини."
    ),
    "alerts.b_guard_keep": "✅ Залишити: {guard}",
    "alerts.b_guard_none_kept": "✅ Без другої умови",
    "alerts.b_guard_default": "↩️ Типова: {guard}",
    "alerts.b_guard_none": "✖️ Без другої умови",
    "alerts.ask_cooldown": (
        "Доки не мине, нагадувати кожні… (або напишіть, наприклад, <code>90m</code>, "
        "<code>1d</code>)"
    ),
    "alerts.ask_target": (
        "Куди надсилати алерти? Для іншої групи надішліть її id (на кшталт -1001234567890): "
        "ви маєте бути її адміністратором, а я — учасником."
    ),
    "alerts.b_target_here": "📍 Цей чат",
    "alerts.b_target_me": "👤 Мій особистий чат",
    "alerts.bad_target": "«{value}» — не id чату: потрібне число на кшталт -1001234567890.",
    "alerts.target_not_admin": (
        "Ви не адміністратор чату {chat} (або я його не бачу), тож туди алерти не підуть. "
        "Попросіть адміністратора або виберіть цей чат."
    ),
    "alerts.target_no_bot": "Мене немає в чаті {chat}. Додайте мене туди й повторіть.",
    "alerts.confirm_new": "<b>🔔 Нове правило · перевірте</b> · {tracker}",
    "alerts.confirm_edit": "<b>✏️ Правило #{number} · перевірте</b> · {tracker}",
    "alerts.b_save": "✅ Зберегти",
    "alerts.b_change": "✏️ Змінити крок",
    "alerts.b_cancel": "❌ Скасувати",
    "alerts.ask_change": "Який крок?",
    "alerts.step_kind": "За чим стежити",
    "alerts.step_measure": "Цифра",
    "alerts.step_op": "Умова",
    "alerts.step_value": "Поріг",
    "alerts.step_window": "Час",
    "alerts.step_group": "За чим",
    "alerts.step_guard": "Лише коли",
    "alerts.step_cooldown": "Нагадування",
    "alerts.step_target": "Куди надсилати",
    "alerts.use_buttons": "Натисніть кнопку нижче (або ✏️ Змінити крок).",
    "alerts.type_it": "Напишіть відповідь текстом або натисніть кнопку вище.",
    "alerts.cancelled": "✖️ Скасовано: нічого не збережено.",
    # Test
    "alerts.test_title": "<b>🧪 Перевірка правила #{number}</b>\n{rule}",
    "alerts.test_firing": "Спрацювало б зараз — {firing} (перевірено: {looked}):",
    "alerts.test_more": "і ще {n}",
    "alerts.test_quiet": "✅ Зараз нічого не спрацьовує (перевірено: {looked}).",
    "alerts.test_empty": "✅ Зараз нічого не спрацьовує: за цей час нічого перевіряти ({looked}).",
    "alerts.test_failed": "⚠️ Не вдалося перевірити: {reason}",
    "alerts.test_down_fine": "🟢 {tracker} зараз відповідає: правило мовчить.",
    "alerts.test_down_failing": (
        "🔴 {tracker} зараз не відповідає: {reason}\nЯкщо так триватиме {n} хв, правило повідомить."
    ),
    "alerts.test_nothing_sent": "<i>Нікому нічого не надіслано: це лише те, що воно бачить.</i>",
    "alerts.b_test_again": "🔄 Перевірити ще раз",
    # the buttons under an alert
    "alerts.muted": "🔕 {name}: заглушено до {until}",
    "alerts.unmuted": "🔔 {name}: алерти знову надходять",
    "alerts.no_stats": "Для цього нічого відкрити в статистиці.",
    # quiet hours
    "alerts.quiet_ask": (
        "<b>🌙 Тихі години для алертів</b>\nЗараз: {hours}\n\n"
        "У ці години алерти мовчать, крім офера біля капи і недоступного трекера. Виберіть "
        "або напишіть два часи у вашому часовому поясі ({zone}), наприклад "
        "<code>22:30-07:00</code>."
    ),
    "alerts.b_quiet_off": "🔔 Без тихих годин",
    "alerts.quiet_bad": "«{value}» — не пара часів. Напишіть так: 22:30-07:00.",
    "alerts.quiet_saved": "✅ Тихі години збережено.",
    # why a line is not a rule
    "alert.err.empty": "Правило порожнє.",
    "alert.err.short": (
        "Правило обривається: після цифри потрібні знак і число, наприклад "
        "<code>roi &lt; -30</code>."
    ),
    "alert.err.measure": (
        "«{word}» — не цифра, за якою може стежити правило. Можна: clicks, unique, "
        "conversions, leads, sales, revenue, spend, profit, ROI, CR, EPC, CPC, CPA, approve "
        "(або кліки, конверсії, ліди, дохід, витрати, прибуток…)."
    ),
    "alert.err.operator": (
        "«{word}» — не порівняння: використовуйте &lt;, &lt;=, &gt;, &gt;= або =."
    ),
    "alert.err.number": "«{word}» — не число: наприклад -30, 1.5 або 20.",
    "alert.err.window": (
        "«{word}» — не час, за яким я можу стежити: сьогодні, вчора або від 5 хвилин до "
        "72 годин, наприклад 30m чи 3h (для недоступного трекера — від 1 хвилини до 24 годин)."
    ),
    "alert.err.group": "«{word}» — не те, за чим можна рахувати: кампанія, офер, джерело, країна.",
    "alert.err.cooldown": (
        "«{word}» — не інтервал нагадувань: від 10 хвилин до 7 днів, наприклад every 4h."
    ),
    "alert.err.word": "Не розумію, що означає «{word}» у правилі.",
    "alert.err.percent": "«{word}» — не відсоток від 1 до 100.",
    "alert.err.days": "«{word}» — не кількість днів від 1 до 90.",
    "alert.err.no_traffic_group": "«Немає трафіку» стежить лише за кампаніями: приберіть «по …».",
    "alert.err.auto": (
        "Автопауза працює лише для правил про кампанії чи офери (поріг, немає трафіку, "
        "просідання, капа)."
    ),
    "alerts.offer.none": (
        "Сьогодні жоден потік не надсилав кліки на цей офер: ставити на паузу нічого."
    ),
    "alerts.offer.ask": (
        "⏸ <b>Поставити на паузу {n:p:потік|потоки|потоків}, що сьогодні вели на цей "
        "офер?</b>\nПотік зупиняє всі свої офери, не лише цей."
    ),
    "alerts.offer.line": "• {name} · кліків: {clicks}",
    "alerts.offer.more": "…і ще {n}",
    "alerts.offer.yes": "⏸ Пауза: {n:p:потік|потоки|потоків}",
    "alerts.offer.no": "✖️ Ні, хай працюють",
    "alerts.offer.cancelled": "✖️ Нічого не зупинено: потоки працюють далі.",
    "alerts.offer.stale": "Це питання застаріло: натисніть ⏸ під алертом ще раз.",
    "alerts.offer.failed": "❌ {name}: {reason}",
    "alerts.offer.ok": "⏸ {name}",
    "alerts.offer.resumed": "▶️ {name}",
    "alerts.offer.done": "⏸ <b>На паузі: {n:p:потік|потоки|потоків}</b>",
    "alerts.offer.undone": "▶️ <b>Відновлено: {n:p:потік|потоки|потоків}</b>",
    "alerts.offer.undo": "↩️ Скасувати (відновити)",
}
