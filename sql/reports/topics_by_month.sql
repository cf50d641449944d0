-- The leading policy topic (Comparative Agendas Project major topic) of each
-- dated document, counted by month.
SELECT strftime('%Y-%m', d.published) AS month, t.topic, count(*) AS docs,
       round(avg(t.score), 2) AS mean_score
  FROM docs d, topics(d.body, 'cap') t
 WHERE t.rank = 1 AND d.published IS NOT NULL
 GROUP BY month, t.topic
 ORDER BY month, docs DESC, t.topic;
