"""One router per job, each built by a function (a Router can have only one parent)."""
