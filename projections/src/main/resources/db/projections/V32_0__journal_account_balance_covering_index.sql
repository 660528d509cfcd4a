-- The whole-community balances (JournalPostings.balances) read every account row of a community.
-- Through the primary key alone, H2 fetched each row from the table by its row id (a second tree
-- lookup per account, ~7,000 per community in the benchmark's book) and then sorted them: with the
-- quantity in the index too, the query reads the index alone, already in (account, unit) order.
-- Measured in docs/performance.md, "Commands and the journal query (issue 16, 2 December, branch cmdspeed)".
CREATE INDEX journal_account_balance_by_account ON journal_account_balance (community_id, account, unit, quantity);
