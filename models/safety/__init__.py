"""Children in danger and complaints: safeguarding cases, urgent alerts, reports."""
