"""The generic form engine: any catalog write action, asked field by field from its model.

``fields`` reads an action's parameter model; ``form`` holds a form's progress (JSON, in the
FSM data, so a restart resumes it); ``screens`` draws it; ``picker`` lists the tracker's own
entities for id fields; ``router`` wires it to Telegram and performs the call.
"""
