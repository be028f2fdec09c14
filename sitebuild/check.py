def run(site=None): return []
