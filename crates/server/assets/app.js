// dyad dashboard (filled by the dashboard work of issue 6).
