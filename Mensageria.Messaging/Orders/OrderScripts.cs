namespace Mensageria.Messaging.Orders;

/// <summary>The Lua scripts that make each step atomic and safe to repeat.</summary>
internal static class OrderScripts
{
    /// <summary>
    /// Moves an order forward only (by rank), appending the history entry; a repeated or backward transition
    /// changes nothing. Returns 1 when it moved, 0 when not, -1 when there is no such order. Shared by the scripts
    /// below, so that a step and the transition it leads to are one round trip.
    /// </summary>
    private const string TransitionFunction = """
        local function transition(order, history, status, rank, entry, at)
          local current = redis.call('HGET', order, 'rank')
          if not current then return -1 end
          if tonumber(current) >= tonumber(rank) then return 0 end
          redis.call('HSET', order, 'status', status, 'rank', rank, 'updatedAt', at)
          redis.call('RPUSH', history, entry)
          return 1
        end

        """;

    /// <summary>
    /// A transition (see <see cref="TransitionFunction"/>), with fields to set when it moves. KEYS: order, history.
    /// ARGV: status, rank, entry json, time, then field/value pairs.
    /// </summary>
    public const string Transition = TransitionFunction + """
        local moved = transition(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
        if moved == 1 then
          for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        end
        return moved
        """;

    /// <summary>
    /// Takes an order up for processing and reads it, in one round trip: a confirmed order that has not started
    /// moves to Processing (setting <c>processedBy</c>); any other is left as it is. KEYS: order, history.
    /// ARGV: the transition's status, rank, entry json and time, then the replica. Returns the order's fields
    /// (field/value pairs, none when there is no such order).
    /// </summary>
    public const string BeginProcessing = TransitionFunction + """
        if redis.call('HGET', KEYS[1], 'confirmed') ~= '0' then
          if transition(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) == 1 then
            redis.call('HSET', KEYS[1], 'processedBy', ARGV[5])
          end
        end
        return redis.call('HGETALL', KEYS[1])
        """;

    /// <summary>
    /// Reserves every line or none, once per order, then moves the order to StockReserved. KEYS: stock, reservation
    /// marker, order, history. ARGV: the transition's status, rank, entry json and time, then sku, quantity pairs.
    /// Returns '' when reserved (now or before), else the first SKU that is short, and then moves nothing.
    /// </summary>
    public const string Reserve = TransitionFunction + """
        if redis.call('EXISTS', KEYS[2]) == 0 then
          for i = 5, #ARGV, 2 do
            local available = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
            if available < tonumber(ARGV[i + 1]) then return ARGV[i] end
          end
          for i = 5, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) end
          redis.call('SET', KEYS[2], '1')
        end
        transition(KEYS[3], KEYS[4], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
        return ''
        """;

    /// <summary>
    /// Gives an order its invoice number once, then moves it to Invoiced and on to Completed: the invoice is the
    /// last step. KEYS: order, sequence, history. ARGV: Invoiced's status, rank, entry json and time, then
    /// Completed's status, rank and entry json, then the number's prefix. Returns the number.
    /// </summary>
    public const string InvoiceAndComplete = TransitionFunction + """
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        local number = redis.call('HGET', KEYS[1], 'invoice')
        if not number then
          number = ARGV[8] .. string.format('%07d', redis.call('INCR', KEYS[2]))
          redis.call('HSET', KEYS[1], 'invoice', number, 'invoicedAt', ARGV[4])
        end
        transition(KEYS[1], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
        transition(KEYS[1], KEYS[3], ARGV[5], ARGV[6], ARGV[7], ARGV[4])
        return number
        """;

    /// <summary>
    /// Removes an order whose message the broker never confirmed, and only such an order.
    /// KEYS: order, history, reservation. Returns 1 when removed.
    /// </summary>
    public const string DeleteUnconfirmed = """
        if redis.call('HGET', KEYS[1], 'confirmed') ~= '0' then return 0 end
        redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
        return 1
        """;

    /// <summary>
    /// Claims an idempotency key for a request, or returns who has it. KEYS: key. ARGV: body hash, order id, ttl seconds.
    /// Returns an empty array when claimed, else {hash, order id, state}.
    /// </summary>
    public const string Claim = """
        local existing = redis.call('HMGET', KEYS[1], 'hash', 'orderId', 'state')
        if existing[1] then return existing end
        redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'orderId', ARGV[2], 'state', 'pending')
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        return {}
        """;
}
