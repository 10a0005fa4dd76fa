/* atlas-map-view.c: the tour map on screen
 *
 * Draws the scene with the same cairo renderer as the exports, in a
 * worker thread, into an image of the widget's size: no frame ever waits
 * for the map to be drawn. A frame paints the newest image and the
 * outlines of the hovered, selected and focused districts. While the map is
 * being drawn afresh (new visits or size) and while zooming or panning,
 * frames show the last image scaled or moved; a gesture's map is drawn
 * once it rests (150 ms).
 *
 * Mouse: hover for a tooltip, click to select, scroll or pinch to zoom,
 * drag to pan.
 * Keyboard: Tab and the arrows go from district to district, Enter
 * selects, + and - zoom, 0 shows all of NRW.
 *
 * Each district is a child widget that draws nothing: it takes the
 * keyboard focus and gives assistive technologies an object with a name
 * («Köln: visited 02.10.2018»), a role and a place on the screen. GTK 4.8
 * cannot expose parts of one widget as accessible objects otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-map-private.h"
#include "atlas-map-view-private.h"

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET)

/* A district as a focusable, accessible child that draws nothing. */
#define ATLAS_TYPE_MAP_DISTRICT (atlas_map_district_get_type ())
G_DECLARE_FINAL_TYPE (AtlasMapDistrict, atlas_map_district, ATLAS, MAP_DISTRICT, GtkWidget)

struct _AtlasMapDistrict
{
  GtkWidget parent_instance;

  guint index;
};

G_DEFINE_FINAL_TYPE (AtlasMapDistrict, atlas_map_district, GTK_TYPE_WIDGET)

static void
atlas_map_district_class_init (AtlasMapDistrictClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_set_css_name (widget_class, "atlas-map-district");
}

static void
atlas_map_district_init (AtlasMapDistrict *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The pointer is for the map: it knows the exact outlines. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

enum {
  DISTRICT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The image is kept, and shown, until the new one is drawn. */
static void
invalidate (AtlasMapView *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The canvas the map is laid out on: the widget at the current zoom. */
void
atlas_map_view_canvas_size (AtlasMapView *self,
                            double       *w,
                            double       *h)
{
  *w = gtk_widget_get_width (GTK_WIDGET (self)) * self->zoom;
  *h = gtk_widget_get_height (GTK_WIDGET (self)) * self->zoom;
}

const char *
atlas_map_view_area_at (AtlasMapView *self,
                        double        x,
                        double        y)
{
  AtlasMapLayout layout;
  double w, h;

  if (self->scene == NULL)
    return NULL;

  /* On the map or in its inset; a stop's marker or badge is its district's. */
  atlas_map_view_canvas_size (self, &w, &h);
  atlas_map_layout_compute (&layout, w, h);
  return atlas_map_scene_area_at (self->scene, &layout, x - self->pan_x, y - self->pan_y);
}

static void
set_hover (AtlasMapView *self,
           const char   *ags)
{
  if (g_strcmp0 (self->hover_ags, ags) == 0)
    return;

  g_free (self->hover_ags);
  self->hover_ags = g_strdup (ags);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           AtlasMapView             *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  set_hover (self, atlas_map_view_area_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          AtlasMapView             *self)
{
  self->pointer_inside = FALSE;
  set_hover (self, NULL);
}

static char *
describe (AtlasMapView *self,
          const char   *ags)
{
  int index = atlas_map_scene_find_area (self->scene, ags);
  const AtlasSceneArea *sa;

  if (index < 0)
    return NULL;

  sa = &g_array_index (self->scene->areas, AtlasSceneArea, index);
  if (*sa->dates)
    /* Translators: a district and the dates of its visits. */
    return g_strdup_printf (_("%s: visited %s"), sa->area->name, sa->dates);
  return g_strdup_printf (_("%s: not visited yet"), sa->area->name);
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  AtlasMapView *self)
{
  g_autofree char *text = NULL;
  const char *ags = keyboard && self->focus_index >= 0
                    ? g_array_index (self->scene->areas, AtlasSceneArea, self->focus_index).area->ags
                    : atlas_map_view_area_at (self, x, y);

  if (ags == NULL || (text = describe (self, ags)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  /* A small area around the pointer: once the pointer leaves it, the
   * tooltip follows instead of staying where it first appeared. */
  if (!keyboard)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 8, y - 8, 16, 16 });
  return TRUE;
}

static void
activate_district (AtlasMapView *self,
                   const char   *ags)
{
  atlas_map_view_select (self, ags);
  g_signal_emit (self, signals[DISTRICT_ACTIVATED], 0, ags);
}

static void
click_cb (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          AtlasMapView    *self)
{
  const char *ags = atlas_map_view_area_at (self, x, y);
  int index = ags && self->scene ? atlas_map_scene_find_area (self->scene, ags) : -1;

  if (index >= 0 && self->districts != NULL && (guint) index < self->districts->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->districts, index));
  if (ags != NULL)
    activate_district (self, ags);
}

static gboolean
sharpen_cb (gpointer user_data)
{
  AtlasMapView *self = user_data;

  self->sharpen_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Keep showing the image scaled or moved while the gesture goes on; draw
 * the map afresh once it rests. */
static void
rest_then_sharpen (AtlasMapView *self)
{
  g_clear_handle_id (&self->sharpen_source, g_source_remove);
  self->sharpen_source = g_timeout_add (150, sharpen_cb, self);
}

static void
zoom_by (AtlasMapView *self,
         double        factor,
         double        x,
         double        y)
{
  double old = self->zoom;

  self->zoom = CLAMP (self->zoom * factor, 1.0, 8.0);
  /* Keep the point under the pointer where it is. */
  self->pan_x = round (x - (x - self->pan_x) * self->zoom / old);
  self->pan_y = round (y - (y - self->pan_y) * self->zoom / old);
  if (self->zoom == 1.0)
    self->pan_x = self->pan_y = 0;
  rest_then_sharpen (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           AtlasMapView             *self)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* Zoom about the pointer (an event's own position is the window's). */
  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  zoom_by (self, dy < 0 ? 1.25 : 0.8, x, y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *drag,
               double          x,
               double          y,
               AtlasMapView   *self)
{
  self->drag_start_x = self->pan_x;
  self->drag_start_y = self->pan_y;
}

static void
drag_update_cb (GtkGestureDrag *drag,
                double          dx,
                double          dy,
                AtlasMapView   *self)
{
  if (self->zoom <= 1.0)
    return;
  self->pan_x = round (self->drag_start_x + dx);
  self->pan_y = round (self->drag_start_y + dy);
  rest_then_sharpen (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AtlasMapView     *self)
{
  self->pinch_start_zoom = self->zoom;
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  AtlasMapView   *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_by (self, self->pinch_start_zoom * scale / self->zoom, x, y);
}

/* Arrow keys go from district to district in the order of the scene. */
static void
move_focus (AtlasMapView *self,
            int           step)
{
  int n;

  if (self->scene == NULL || self->districts == NULL || self->districts->len == 0)
    return;

  n = self->districts->len;
  gtk_widget_grab_focus (g_ptr_array_index (self->districts,
                                            self->focus_index < 0 ? 0 : (self->focus_index + step + n) % n));
}

/* A district took the keyboard focus: the map outlines it. */
static void
district_focus_cb (AtlasMapDistrict *district,
                   GParamSpec       *pspec,
                   AtlasMapView     *self)
{
  const AtlasArea *area;
  AtlasMapLayout layout;
  double w, h, cx, cy;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!gtk_widget_has_focus (GTK_WIDGET (district)))
    return;
  self->focus_index = district->index;

  /* Zoomed in, a district the keyboard goes to off screen comes to the middle. */
  area = g_array_index (self->scene->areas, AtlasSceneArea, district->index).area;
  atlas_map_view_canvas_size (self, &w, &h);
  atlas_map_layout_compute (&layout, w, h);
  atlas_map_layout_to_canvas (&layout, area->label.x, area->label.y, &cx, &cy);
  if (self->zoom > 1.0 &&
      (cx + self->pan_x < 0 || cx + self->pan_x > width || cy + self->pan_y < 0 || cy + self->pan_y > height))
    {
      self->pan_x = round (width / 2.0 - cx);
      self->pan_y = round (height / 2.0 - cy);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* One child per area, named after what the map says of it. */
static void
update_districts (AtlasMapView *self)
{
  guint n = self->scene ? self->scene->areas->len : 0;

  while (self->districts->len > n)
    {
      GtkWidget *child = g_ptr_array_steal_index (self->districts, self->districts->len - 1);

      gtk_widget_unparent (child);
    }
  while (self->districts->len < n)
    {
      AtlasMapDistrict *district = g_object_new (ATLAS_TYPE_MAP_DISTRICT, NULL);

      district->index = self->districts->len;
      gtk_widget_set_parent (GTK_WIDGET (district), GTK_WIDGET (self));
      g_signal_connect (district, "notify::has-focus", G_CALLBACK (district_focus_cb), self);
      g_ptr_array_add (self->districts, district);
    }

  for (guint i = 0; i < n; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (self->scene->areas, AtlasSceneArea, i);
      g_autofree char *text = describe (self, sa->area->ags);

      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->districts, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The keyboard's commands, as actions with shortcuts of no modifier:
 * Alt+← and the like go on to the window (a key controller took every
 * arrow, whatever the modifiers, and Alt+← moved the focus instead of
 * going back). */
static void
district_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_focus (ATLAS_MAP_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
district_activate_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);

  if (self->focus_index >= 0 && self->scene != NULL)
    activate_district (self, g_array_index (self->scene->areas, AtlasSceneArea, self->focus_index).area->ags);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  double factor = g_variant_get_double (parameter);

  if (factor == 0)
    atlas_map_view_fit (self);
  else
    zoom_by (self, factor, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
atlas_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  AtlasMapLayout layout;
  double w, h;

  /* The image needs no word: its key holds the size it was drawn for. */
  if (self->scene == NULL)
    return;

  /* Each district's child covers its outline's bounding box on screen. */
  atlas_map_view_canvas_size (self, &w, &h);
  atlas_map_layout_compute (&layout, w, h);
  for (guint i = 0; i < self->districts->len; i++)
    {
      const AtlasArea *area = g_array_index (self->scene->areas, AtlasSceneArea, i).area;
      double x0, y0, x1, y1;

      atlas_map_layout_to_canvas (&layout, area->min_x, area->max_y, &x0, &y0);
      atlas_map_layout_to_canvas (&layout, area->max_x, area->min_y, &x1, &y1);
      gtk_widget_size_allocate (g_ptr_array_index (self->districts, i),
                                &(GtkAllocation) {
                                  (int) (MIN (x0, x1) + self->pan_x), (int) (MIN (y0, y1) + self->pan_y),
                                  MAX (1, (int) ABS (x1 - x0)), MAX (1, (int) ABS (y1 - y0)) },
                                -1);
    }
}

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  if (self->districts != NULL)
    {
      for (guint i = 0; i < self->districts->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->districts, i));
      g_clear_pointer (&self->districts, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_finalize (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_clear_handle_id (&self->sharpen_source, g_source_remove);
  g_clear_pointer (&self->scene, atlas_map_scene_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_free (self->hover_ags);
  g_free (self->selected_ags);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->finalize (object);
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_map_view_finalize;
  object_class->dispose = atlas_map_view_dispose;

  widget_class->snapshot = atlas_map_view_snapshot;
  widget_class->size_allocate = atlas_map_view_size_allocate;

  /**
   * AtlasMapView::district-activated:
   * @ags: the district clicked or chosen with Enter
   */
  signals[DISTRICT_ACTIVATED] =
    g_signal_new ("district-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "atlas-map-view");

  gtk_widget_class_install_action (widget_class, "map.step", "i", district_step_action);
  gtk_widget_class_install_action (widget_class, "map.activate-district", NULL, district_activate_action);
  gtk_widget_class_install_action (widget_class, "map.zoom", "d", zoom_action);

  /* Without modifiers only: with them, the keys are the window's. */
  for (guint i = 0; i < 4; i++)
    {
      static const struct { guint key; int step; } steps[] = {
        { GDK_KEY_Right, 1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_Left, -1 }, { GDK_KEY_Up, -1 },
      };

      gtk_widget_class_add_binding_action (widget_class, steps[i].key, 0, "map.step", "i", steps[i].step);
    }
  for (const guint *key = (const guint[]) { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_space, 0 }; *key; key++)
    gtk_widget_class_add_binding_action (widget_class, *key, 0, "map.activate-district", NULL);
  for (const guint *key = (const guint[]) { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_KEY_equal, 0 }; *key; key++)
    gtk_widget_class_add_binding_action (widget_class, *key, 0, "map.zoom", "d", 1.25);
  for (const guint *key = (const guint[]) { GDK_KEY_minus, GDK_KEY_KP_Subtract, 0 }; *key; key++)
    gtk_widget_class_add_binding_action (widget_class, *key, 0, "map.zoom", "d", 0.8);
  for (const guint *key = (const guint[]) { GDK_KEY_0, GDK_KEY_KP_0, 0 }; *key; key++)
    gtk_widget_class_add_binding_action (widget_class, *key, 0, "map.zoom", "d", 0.0);
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  /* Zoomed in, the districts' children reach past the edges; unclipped,
   * GTK 4.8's GL renderer then drew nothing of the map. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->zoom = 1.0;
  self->focus_index = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (click, "pressed", G_CALLBACK (click_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  self->districts = g_ptr_array_new ();
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 300);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the tour; Tab or the arrow keys go from district to district"), -1);
}

/**
 * atlas_map_view_set_scene:
 * @scene: (transfer full): what to show
 */
void
atlas_map_view_set_scene (AtlasMapView  *self,
                          AtlasMapScene *scene)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  g_clear_pointer (&self->scene, atlas_map_scene_unref);
  self->scene = scene;
  if (self->focus_index >= (int) (scene ? scene->areas->len : 0))
    self->focus_index = -1;
  update_districts (self);
  invalidate (self);
}

const char *
atlas_map_view_get_selected (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->selected_ags;
}

void
atlas_map_view_select (AtlasMapView *self,
                       const char   *ags)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->selected_ags, ags) == 0)
    return;
  g_free (self->selected_ags);
  self->selected_ags = g_strdup (ags);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_map_view_get_view:
 * @zoom: (out): 1 when all of NRW fits
 * @pan_x: (out): where the zoomed map's corner is, in pixels
 * @pan_y: (out):
 *
 * The map on screen is atlas_map_render() at the widget's size times
 * @zoom, moved by @pan_x, @pan_y.
 */
void
atlas_map_view_get_view (AtlasMapView *self,
                         double       *zoom,
                         double       *pan_x,
                         double       *pan_y)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  *zoom = self->zoom;
  *pan_x = self->pan_x;
  *pan_y = self->pan_y;
}

/**
 * atlas_map_view_is_drawn:
 *
 * Whether the view shows the map as it is now, rather than the last image
 * of it scaled or moved while a new one is drawn.
 */
gboolean
atlas_map_view_is_drawn (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), FALSE);

  return atlas_map_view_cache_is_current (self);
}

/* Back to all of NRW. */
void
atlas_map_view_fit (AtlasMapView *self)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->zoom = 1.0;
  self->pan_x = self->pan_y = 0;
  invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
