"""Graph structure rules (QMS1xx): ISO 9001:2015 4.4.1 b) sequence and interaction of processes."""
