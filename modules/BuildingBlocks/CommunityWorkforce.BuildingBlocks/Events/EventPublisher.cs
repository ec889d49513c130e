using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Events;

/// <summary>A handler for an integration event declared in some module's Contracts; runs after commit.</summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken ct);
}

/// <summary>
/// In-process publication after commit. A failing handler is logged and does not undo the committed work:
/// reactions that must be atomic with the change go through a Contracts command inside the transaction instead.
/// </summary>
public sealed class EventPublisher(IServiceProvider services, ILogger<EventPublisher> logger)
{
    public async Task PublishAsync(object integrationEvent, CancellationToken ct)
    {
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(integrationEvent.GetType());
        foreach (var handler in services.GetServices(handlerType))
        {
            try
            {
                var task = (Task)handlerType.GetMethod(nameof(IIntegrationEventHandler<object>.HandleAsync))!
                    .Invoke(handler, [integrationEvent, ct])!;
                await task;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handler {Handler} failed for {Event}", handler!.GetType().Name,
                    integrationEvent.GetType().Name);
            }
        }
    }
}
