"""policy-tracker ETL: announcements in, structured facts out. Never imports streamlit."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
